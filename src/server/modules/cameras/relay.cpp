#include "modules/cameras/relay.h"

#include "integrations/http_client.h"
#include "modules/cameras/playlist.h"
#include "util/log.h"

namespace cdscb::server::cameras {
namespace {

constexpr std::string_view kPlaylistType = "application/vnd.apple.mpegurl";
constexpr std::size_t kMaxPlaylistBytes = 256 * 1024;
constexpr std::size_t kMaxSegmentBytes = 16u << 20;
// Names learnt from playlists are forgotten after this long (a live window is ~10 s).
constexpr auto kNameLifetime = std::chrono::minutes(2);

std::string content_type_of(std::string_view name) {
  if (name.ends_with(".m3u8")) return std::string(kPlaylistType);
  if (name.ends_with(".ts")) return "video/mp2t";
  if (name.ends_with(".aac")) return "audio/aac";
  if (name.ends_with(".mp4") || name.ends_with(".m4s")) return "video/mp4";
  return "application/octet-stream";
}

}  // namespace

Relay::Relay(RelayOptions options) : options_(std::move(options)) {}

std::string Relay::source_of(const Camera& camera) const {
  std::string url = camera.source_url;
  const auto at = url.find("{nvr}");
  if (at != std::string::npos) {
    if (options_.nvr.empty()) return {};
    url.replace(at, 5, options_.nvr);
  }
  return url;
}

Relay::Fetched Relay::fetch_now(const std::string& url, bool segment) const {
  const auto parsed = integrations::parse_http_url(url);
  if (!parsed) return {503, nullptr};
  integrations::HttpCall call;
  call.timeout = options_.timeout;
  call.max_reply_body = segment ? kMaxSegmentBytes : kMaxPlaylistBytes;
  call.ca_file = options_.ca_file;
  call.addresses = options_.addresses;
  try {
    integrations::HttpReply reply = integrations::http_call(*parsed, call);
    if (reply.status == 200) {
      return {200, std::make_shared<const std::string>(std::move(reply.body))};
    }
    if (reply.status == 404 || reply.status == 410) return {404, nullptr};
    return {reply.status >= 500 ? 503 : 502, nullptr};
  } catch (const std::exception& e) {
    // Unreachable, stalled (timeout) or refused by the address policy: the camera is down.
    util::log_warn("camera relay: " + integrations::origin_of(*parsed) + ": " + e.what());
    return {503, nullptr};
  }
}

void Relay::store_done(const std::string& key, const Fetched& fetched, bool segment) {
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.done) return;
  Entry& entry = it->second;
  entry.done = true;
  entry.expires = now + (fetched.status != 200 ? options_.failure_ttl
                         : segment             ? options_.segment_ttl
                                               : options_.playlist_ttl);
  entry.bytes = fetched.body ? fetched.body->size() : 0;
  cached_bytes_ += entry.bytes;
  order_.push_back(key);
  // Drop what has expired, then the oldest until the cache fits its budget.
  for (auto e = entries_.begin(); e != entries_.end();) {
    if (e->second.done && e->second.expires <= now) {
      cached_bytes_ -= e->second.bytes;
      e = entries_.erase(e);
    } else {
      ++e;
    }
  }
  while (!order_.empty() &&
         (cached_bytes_ > options_.max_cache_bytes || order_.size() > 4 * entries_.size() + 64)) {
    const auto old = entries_.find(order_.front());
    if (old != entries_.end() && old->second.done) {
      cached_bytes_ -= old->second.bytes;
      entries_.erase(old);
    }
    order_.pop_front();
  }
}

Relay::Fetched Relay::fetch_shared(const std::string& key, bool segment,
                                   const Transform& transform) {
  std::promise<Fetched> promise;
  std::shared_future<Fetched> future;
  bool mine = false;
  {
    std::lock_guard lock(mutex_);
    ++stats_.served;
    if (segment) ++stats_.segments_served;
    const auto it = entries_.find(key);
    const auto now = Clock::now();
    if (it != entries_.end() && !it->second.done &&
        now - it->second.started > options_.timeout / 2) {
      return {503, nullptr};  // a stalling camera: players retry; this worker stays free
    }
    if (it != entries_.end() && (!it->second.done || it->second.expires > now)) {
      future = it->second.future;
    } else {
      if (it != entries_.end()) {
        cached_bytes_ -= it->second.bytes;
        entries_.erase(it);
      }
      future = promise.get_future().share();
      Entry entry;
      entry.future = future;
      entries_[key] = std::move(entry);
      mine = true;
      ++stats_.upstream_fetches;
      if (segment) ++stats_.segment_fetches;
    }
  }
  if (mine) {
    const std::string url = key.substr(key.find('|') + 1);
    Fetched fetched;
    try {
      fetched = transform(fetch_now(url, segment));
    } catch (const std::exception& e) {
      util::log_error("camera relay: " + std::string(e.what()));
      fetched = {502, nullptr};
    }
    promise.set_value(fetched);
    store_done(key, fetched, segment);
    return fetched;
  }
  // The fetch in flight has its own timeouts; this only guards against waiting forever.
  if (future.wait_for(options_.timeout + std::chrono::seconds(1)) != std::future_status::ready) {
    return {503, nullptr};
  }
  return future.get();
}

Relay::Fetched Relay::playlist(const std::string& code, const std::string& url) {
  return fetch_shared(code + "|" + url, false, [this, code, url](Fetched raw) {
    if (raw.status != 200) return raw;
    auto rewritten = rewrite_playlist(*raw.body, url);
    if (!rewritten) return Fetched{502, nullptr};
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    auto& names = names_[code];
    for (auto it = names.begin(); it != names.end();) {
      it = now - it->second.second > kNameLifetime ? names.erase(it) : std::next(it);
    }
    for (auto& [name, upstream] : rewritten->names) names[name] = {std::move(upstream), now};
    return Fetched{200, std::make_shared<const std::string>(std::move(rewritten->text)),
                   rewritten->master};
  });
}

std::optional<std::string> Relay::upstream_of(const std::string& code, const std::string& name) {
  std::lock_guard lock(mutex_);
  const auto camera = names_.find(code);
  if (camera == names_.end()) return std::nullopt;
  const auto it = camera->second.find(name);
  if (it == camera->second.end()) return std::nullopt;
  return it->second.first;
}

LiveFile Relay::serve(const Camera& camera, std::string_view file, std::string_view client) {
  if (!client.empty()) {
    std::lock_guard lock(mutex_);
    viewers_[camera.code][std::string(client)] = Clock::now();
  }
  LiveFile out;
  out.content_type = content_type_of(file);
  out.playlist = file.ends_with(".m3u8");
  const std::string source = source_of(camera);
  if (source.empty()) {
    out.status = 503;
    return out;
  }
  const std::string name(file);
  Fetched fetched;
  if (name == "master.m3u8") {
    fetched = playlist(camera.code, source);
  } else {
    auto upstream = upstream_of(camera.code, name);
    if (!upstream && out.playlist) {
      // A player that kept the master playlist from before a restart of this server: learn the
      // names again.
      playlist(camera.code, source);
      upstream = upstream_of(camera.code, name);
    }
    if (!upstream) {
      out.status = 404;
      return out;
    }
    fetched = out.playlist
                  ? playlist(camera.code, *upstream)
                  : fetch_shared(camera.code + "|" + *upstream, true, [&name](Fetched raw) {
                      // An MPEG-TS segment starts with the sync byte 0x47: anything else is
                      // garbage a player would choke on.
                      const bool garbage = raw.status == 200 && name.ends_with(".ts") &&
                                           (raw.body->empty() || raw.body->front() != 0x47);
                      return garbage ? Fetched{502, nullptr} : raw;
                    });
  }
  out.status = fetched.status;
  out.body = fetched.body;
  return out;
}

bool Relay::probe(const Camera& camera) {
  const std::string source = source_of(camera);
  return !source.empty() && playlist(camera.code, source).status == 200;
}

bool Relay::observe(const std::string& code, bool up) {
  std::lock_guard lock(mutex_);
  const auto it = up_.find(code);
  if (it != up_.end() && it->second == up) return false;
  up_[code] = up;
  return true;
}

int Relay::viewers(const std::string& code) {
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  auto& clients = viewers_[code];
  for (auto it = clients.begin(); it != clients.end();) {
    it = now - it->second > options_.viewer_window ? clients.erase(it) : std::next(it);
  }
  return static_cast<int>(clients.size());
}

int Relay::viewers_total() {
  std::vector<std::string> codes;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [code, clients] : viewers_) codes.push_back(code);
  }
  int total = 0;
  for (const auto& code : codes) total += viewers(code);
  return total;
}

std::optional<Camera> Relay::cached_camera(const std::string& code) {
  std::lock_guard lock(mutex_);
  const auto it = cameras_.find(code);
  if (it == cameras_.end() || Clock::now() - it->second.second > options_.camera_ttl) {
    return std::nullopt;
  }
  return it->second.first;
}

void Relay::remember(const Camera& camera) {
  std::lock_guard lock(mutex_);
  if (cameras_.size() > 10000) cameras_.clear();
  cameras_[camera.code] = {camera, Clock::now()};
}

void Relay::forget(const std::string& code) {
  std::lock_guard lock(mutex_);
  cameras_.erase(code);
}

RelayStats Relay::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace cdscb::server::cameras
