#include "app/ui/image_cache.h"

#include <cstdint>
#include <vector>

#include "app/api/json.h"
#include "app/platform/image.h"

namespace cdscb::app::ui {

void ImageCache::start(const std::string& url, Entry& entry) {
  entry.state = State::kLoading;
  entry.request_id = platform::image::load(url, entry.max_width);
  loading_[entry.request_id] = url;
}

const ImageCache::Image* ImageCache::get(const std::string& url, int max_width, State* state) {
  if (url.empty()) {
    if (state) *state = State::kFailed;
    return nullptr;
  }
  auto [it, inserted] = entries_.try_emplace(url);
  Entry& entry = it->second;
  entry.last_used = frame_;
  if (inserted) {
    entry.max_width = max_width;
    // Too many at once would queue behind each other anyway; the rest start on later frames.
    if (loading_.size() < kMaxLoading) {
      start(url, entry);
    } else {
      entries_.erase(it);
      if (state) *state = State::kLoading;
      return nullptr;
    }
  }
  if (state) *state = entry.state;
  return entry.state == State::kReady ? &entry.image : nullptr;
}

bool ImageCache::deliver(const std::string& request_id, std::string_view reply_json) {
  auto pending = loading_.find(request_id);
  if (pending == loading_.end()) return false;
  const std::string url = pending->second;
  loading_.erase(pending);
  auto reply = nlohmann::json::parse(reply_json, nullptr, /*allow_exceptions=*/false);
  const long long texture = api::integer(reply, "texture");
  auto it = entries_.find(url);
  if (it == entries_.end() || it->second.request_id != request_id) {
    // Evicted while loading: the texture has no one to show it.
    if (texture > 0) platform::image::release(static_cast<unsigned>(texture));
    return true;
  }
  Entry& entry = it->second;
  if (texture <= 0) {
    entry.state = State::kFailed;
    return true;
  }
  entry.state = State::kReady;
  entry.image = {reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)),
                 static_cast<int>(api::integer(reply, "width")),
                 static_cast<int>(api::integer(reply, "height"))};
  bytes_ += size_t(entry.image.width) * size_t(entry.image.height) * 4;
  return true;
}

void ImageCache::end_frame() {
  ++frame_;
  // Failed loads are forgotten after a while so they are tried again (the network came back).
  constexpr unsigned long long kRetryAfterFrames = 600;
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.state == State::kFailed && frame_ - it->second.last_used > kRetryAfterFrames)
      it = entries_.erase(it);
    else
      ++it;
  }
  while (bytes_ > kBudgetBytes) {
    auto oldest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->second.state != State::kReady || it->second.last_used + 1 >= frame_) continue;
      if (oldest == entries_.end() || it->second.last_used < oldest->second.last_used) oldest = it;
    }
    if (oldest == entries_.end()) break;  // everything in the budget is on screen now
    const Image& image = oldest->second.image;
    bytes_ -= size_t(image.width) * size_t(image.height) * 4;
    platform::image::release(static_cast<unsigned>(reinterpret_cast<intptr_t>(image.texture)));
    entries_.erase(oldest);
  }
}

}  // namespace cdscb::app::ui
