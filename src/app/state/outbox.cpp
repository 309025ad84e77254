#include "app/state/outbox.h"

#include <algorithm>
#include <random>

#include "app/api/json.h"
#include "app/platform/idb_store.h"
#include "app/platform/inbox.h"
#include "app/platform/upload.h"

namespace state {
namespace {

constexpr const char* kPrefix = "outbox/";
constexpr const char* kRefusedPrefix = "refused/";
constexpr double kFirstBackoff = 2, kMaxBackoff = 60;  // seconds

std::string item_json(const OutboxItem& item) {
  return nlohmann::json{{"key", item.key}, {"form", to_json(item.form)}}.dump();
}

std::string refused_json(const RefusedFeedback& item) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, message] : item.error.fields) fields[name] = message;
  nlohmann::json error = {
      {"code", item.error.code}, {"message", item.error.message}, {"fields", fields}};
  return nlohmann::json{{"key", item.key}, {"form", to_json(item.form)}, {"error", error}}.dump();
}

api::ApiError error_from_json(const nlohmann::json& j) {
  api::ApiError error{api::str(j, "code"), api::str(j, "message"), {}};
  if (j.is_object() && j.contains("fields") && j["fields"].is_object())
    for (const auto& [name, message] : j["fields"].items())
      if (message.is_string()) error.fields[name] = message.get<std::string>();
  return error;
}

}  // namespace

std::string new_idempotency_key() {
  std::random_device device;
  std::string key;
  const char* hex = "0123456789abcdef";
  for (int i = 0; i < 32; ++i) key += hex[device() % 16];
  return key;
}

void Outbox::save(const OutboxItem& item) {
  platform::idb::put(kPrefix + item.key, item_json(item));
}

void Outbox::save(const RefusedFeedback& item) {
  platform::idb::put(kRefusedPrefix + item.key, refused_json(item));
}

std::string RefusedFeedback::summary() const {
  return error.fields.empty() ? error.message : error.fields.begin()->second;
}

void Outbox::add(FeedbackForm form, std::string key) {
  OutboxItem item{std::move(key), std::move(form), 0};
  save(item);
  items_.push_back(std::move(item));
  next_try_ = 0;
  backoff_ = 0;
  platform::request_wake();
}

const RefusedFeedback* Outbox::find_refused(const std::string& key) const {
  for (const auto& r : refused_)
    if (r.key == key) return &r;
  return nullptr;
}

void Outbox::keep_refused_edit(const std::string& key, const FeedbackForm& form) {
  for (auto& r : refused_) {
    if (r.key != key || to_json(r.form) == to_json(form)) continue;
    r.form = form;
    save(r);
  }
}

void Outbox::forget_refused(const std::string& key, bool drop_photos) {
  auto it = std::find_if(refused_.begin(), refused_.end(), [&](auto& r) { return r.key == key; });
  if (it == refused_.end()) return;
  platform::idb::remove(kRefusedPrefix + key);
  if (drop_photos)
    for (const FormPhoto& p : it->form.photos) platform::idb::remove(p.key);
  refused_.erase(it);
}

void Outbox::retry_later(double now) {
  backoff_ = backoff_ == 0 ? kFirstBackoff : std::min(kMaxBackoff, backoff_ * 2);
  next_try_ = now + backoff_;
  platform::request_wake_after(backoff_);
}

// The saved items (waiting and refused): the keys first, then each value.
void Outbox::load(Replies& replies) {
  if (!listed_) {
    listed_ = true;
    list_requests_[replies.expect(platform::idb::list(kPrefix))] = false;
    list_requests_[replies.expect(platform::idb::list(kRefusedPrefix))] = true;
  }
  for (auto it = list_requests_.begin(); it != list_requests_.end();) {
    auto reply = replies.take(it->first);
    if (!reply) {
      ++it;
      continue;
    }
    auto j = nlohmann::json::parse(*reply, nullptr, false);
    const nlohmann::json keys = j.is_object() && j.contains("keys") ? j["keys"] : nlohmann::json();
    for (const auto& key : keys)
      if (key.is_string())
        get_requests_[replies.expect(platform::idb::get(key.get<std::string>()))] = it->second;
    it = list_requests_.erase(it);
  }
  for (auto it = get_requests_.begin(); it != get_requests_.end();) {
    auto reply = replies.take(it->first);
    if (!reply) {
      ++it;
      continue;
    }
    auto value = nlohmann::json::parse(*reply, nullptr, false);
    auto saved = nlohmann::json::parse(api::str(value, "value"), nullptr, false);
    std::string key = api::str(saved, "key");
    const bool known =
        std::any_of(items_.begin(), items_.end(), [&](auto& i) { return i.key == key; }) ||
        find_refused(key);
    // Added on this page before the list came back: already here.
    if (!key.empty() && saved.contains("form") && !known) {
      if (it->second)
        refused_.push_back({key, form_from_json(saved["form"]), error_from_json(saved["error"])});
      else
        items_.push_back({key, form_from_json(saved["form"]), 0});
    }
    it = get_requests_.erase(it);
  }
  loaded_ = list_requests_.empty() && get_requests_.empty();
}

void Outbox::update(api::Client& api, Replies& replies, double now) {
  if (!loaded_) {
    load(replies);
    if (!loaded_) return;
  }
  if (!blob_request_.empty()) {
    if (auto reply = replies.take(blob_request_)) {
      blob_request_.clear();
      std::string url = api::str(nlohmann::json::parse(*reply, nullptr, false), "url");
      if (url.empty()) {
        finished_step({-1, ""}, api, replies, now);
      } else {
        upload_request_ = replies.expect(platform::upload::post_blob(url, "/api/v1/media"));
      }
    }
    return;
  }
  if (!upload_request_.empty()) {
    if (auto reply = replies.take(upload_request_)) {
      upload_request_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, false);
      finished_step({static_cast<int>(api::integer(j, "status")), api::str(j, "body")}, api,
                    replies, now);
    }
    return;
  }
  if (post_.waiting()) {
    if (auto response = post_.poll(api)) finished_step(*response, api, replies, now);
    return;
  }
  if (!items_.empty() && now >= next_try_) start_next(api, replies);
}

void Outbox::start_next(api::Client& api, Replies& replies) {
  OutboxItem& item = items_.front();
  ++item.attempts;
  for (std::size_t i = 0; i < item.form.photos.size(); ++i) {
    if (!item.form.photos[i].media_id.empty()) continue;
    uploading_photo_ = static_cast<int>(i);
    blob_request_ = replies.expect(platform::idb::blob_url(item.form.photos[i].key));
    return;
  }
  uploading_photo_ = -1;
  post_.start(api, "POST", "/api/v1/feedback", state::request_body(item.form).dump(), item.key);
}

void Outbox::finished_step(const api::Response& response, api::Client& api, Replies& replies,
                           double now) {
  OutboxItem& item = items_.front();
  if (response.status == -1 && uploading_photo_ >= 0) {
    // The photo's blob is gone (storage cleared): send the feedback without it.
    item.form.photos.erase(item.form.photos.begin() + uploading_photo_);
    save(item);
    start_next(api, replies);
    return;
  }
  // No answer, or the server is overloaded or restarting: the same steps again later.
  if (response.network_error() || response.status >= 500 || response.status == 429) {
    retry_later(now);
    return;
  }
  backoff_ = 0;
  if (!response.ok()) {
    // 401: the session ended; the citizen signs in again and the outbox goes on.
    if (response.status == 401) {
      retry_later(now);
      return;
    }
    // Kept where a reload finds it; the photos' blobs stay in the store with it.
    refused_.push_back({item.key, item.form, api::error_of(response)});
    save(refused_.back());
    platform::idb::remove(kPrefix + item.key);
    items_.erase(items_.begin());
    platform::request_wake();
    return;
  }
  if (uploading_photo_ >= 0) {
    auto j = nlohmann::json::parse(response.body, nullptr, false);
    std::string id = j.is_object() && j.contains("media") ? api::str(j["media"], "id") : "";
    item.form.photos[uploading_photo_].media_id = id;
    save(item);
    start_next(api, replies);
    return;
  }
  auto j = nlohmann::json::parse(response.body, nullptr, false);
  if (j.is_object() && j.contains("feedback")) last_sent_id_ = api::integer(j["feedback"], "id");
  platform::idb::remove(kPrefix + item.key);
  for (const FormPhoto& p : item.form.photos) platform::idb::remove(p.key);
  items_.erase(items_.begin());
  ++sent_count_;
  platform::request_wake();
}

}  // namespace state
