#include "app/state/outbox.h"

#include <algorithm>
#include <random>

#include "app/api/json.h"
#include "app/platform/idb_store.h"
#include "app/platform/inbox.h"
#include "app/platform/upload.h"
#include "app/state/device_keys.h"

namespace cdscb::app::state {
namespace {

constexpr std::string_view kWaiting = "outbox/";
constexpr std::string_view kRefused = "refused/";
constexpr double kFirstBackoff = 2, kMaxBackoff = 60;  // seconds

std::string store_key(const OutboxItem& item, std::string_view section) {
  return account_prefix(item.owner) + std::string(section) + item.key;
}

nlohmann::json item_json(const OutboxItem& item) {
  nlohmann::json uploads = nlohmann::json::array();
  for (const Upload& u : item.uploads)
    uploads.push_back({{"key", u.key}, {"media_id", u.media_id}});
  return {{"kind", item.kind}, {"owner", item.owner}, {"key", item.key},
          {"form", item.form}, {"uploads", uploads},  {"body", item.body}};
}

OutboxItem item_from_json(const nlohmann::json& j) {
  OutboxItem item{api::str(j, "kind"),
                  api::str(j, "owner"),
                  api::str(j, "key"),
                  j.is_object() && j.contains("form") ? j["form"] : nlohmann::json::object(),
                  {},
                  api::str(j, "body")};
  if (j.is_object() && j.contains("uploads") && j["uploads"].is_array())
    for (const auto& u : j["uploads"])
      if (!api::str(u, "key").empty())
        item.uploads.push_back({api::str(u, "key"), api::str(u, "media_id")});
  return item;
}

nlohmann::json error_json(const api::ApiError& error) {
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, message] : error.fields) fields[name] = message;
  return {{"code", error.code}, {"message", error.message}, {"fields", fields}};
}

api::ApiError error_from_json(const nlohmann::json& j) {
  api::ApiError error{api::str(j, "code"), api::str(j, "message"), {}};
  if (j.is_object() && j.contains("fields") && j["fields"].is_object())
    for (const auto& [name, message] : j["fields"].items())
      if (message.is_string()) error.fields[name] = message.get<std::string>();
  return error;
}

// The section ("outbox/" or "refused/") of a store key under an account, or empty.
std::string_view section_of(std::string_view key, std::string_view owner) {
  key.remove_prefix(account_prefix(owner).size());
  for (std::string_view s : {kWaiting, kRefused})
    if (key.starts_with(s)) return s;
  return {};
}

}  // namespace

std::string new_idempotency_key() {
  std::random_device device;
  std::string key;
  const char* hex = "0123456789abcdef";
  for (int i = 0; i < 32; ++i) key += hex[device() % 16];
  return key;
}

std::string new_photo_key(std::string_view owner) {
  return account_prefix(owner) + "photo/" + new_idempotency_key();
}

void Outbox::save(const OutboxItem& item) {
  platform::idb::put(store_key(item, kWaiting), item_json(item).dump());
}

void Outbox::save(const RefusedItem& r) {
  nlohmann::json j = item_json(r.item);
  j["error"] = error_json(r.error);
  platform::idb::put(store_key(r.item, kRefused), j.dump());
}

std::string RefusedItem::summary() const {
  return error.fields.empty() ? error.message : error.fields.begin()->second;
}

void Outbox::add(OutboxItem item) {
  if (item.owner.empty()) return;  // nothing is kept without an account
  item.attempts = 0;
  item.body.clear();
  save(item);
  items_.push_back(std::move(item));
  next_try_ = 0;
  backoff_ = 0;
  platform::request_wake();
}

std::vector<const OutboxItem*> Outbox::waiting(std::string_view owner,
                                               std::string_view kind) const {
  std::vector<const OutboxItem*> out;
  if (owner.empty()) return out;
  for (const auto& i : items_)
    if (i.owner == owner && i.kind == kind) out.push_back(&i);
  return out;
}

std::vector<const RefusedItem*> Outbox::refused(std::string_view owner,
                                                std::string_view kind) const {
  std::vector<const RefusedItem*> out;
  if (owner.empty()) return out;
  for (const auto& r : refused_)
    if (r.item.owner == owner && r.item.kind == kind) out.push_back(&r);
  return out;
}

const RefusedItem* Outbox::find_refused(std::string_view owner, std::string_view key) const {
  if (owner.empty()) return nullptr;
  for (const auto& r : refused_)
    if (r.item.owner == owner && r.item.key == key) return &r;
  return nullptr;
}

void Outbox::keep_refused_edit(const OutboxItem& edited) {
  for (auto& r : refused_) {
    if (r.item.owner != edited.owner || r.item.key != edited.key) continue;
    if (r.item.form == edited.form && item_json(r.item)["uploads"] == item_json(edited)["uploads"])
      continue;
    r.item.form = edited.form;
    r.item.uploads = edited.uploads;
    save(r);
  }
}

void Outbox::forget_refused(std::string_view owner, std::string_view key, bool drop_uploads) {
  auto it = std::find_if(refused_.begin(), refused_.end(), [&](auto& r) {
    return !owner.empty() && r.item.owner == owner && r.item.key == key;
  });
  if (it == refused_.end()) return;
  platform::idb::remove(store_key(it->item, kRefused));
  if (drop_uploads)
    for (const Upload& u : it->item.uploads) platform::idb::remove(u.key);
  refused_.erase(it);
}

void Outbox::erase_account(const std::string& owner, Replies& replies) {
  if (owner.empty()) return;
  // An item in flight is dropped when its answer comes: current() no longer finds it.
  std::erase_if(items_, [&](auto& i) { return i.owner == owner; });
  std::erase_if(refused_, [&](auto& r) { return r.item.owner == owner; });
  erase_requests_.push_back(replies.expect(platform::idb::list(account_prefix(owner))));
}

void Outbox::take_erasures(Replies& replies) {
  std::erase_if(erase_requests_, [&](const std::string& id) {
    auto reply = replies.take(id);
    if (!reply) return false;
    auto j = nlohmann::json::parse(*reply, nullptr, false);
    if (j.is_object() && j.contains("keys") && j["keys"].is_array())
      for (const auto& key : j["keys"])
        if (key.is_string()) platform::idb::remove(key.get<std::string>());
    return true;
  });
}

void Outbox::retry_later(double now) {
  backoff_ = backoff_ == 0 ? kFirstBackoff : std::min(kMaxBackoff, backoff_ * 2);
  next_try_ = now + backoff_;
  platform::request_wake_after(backoff_);
}

// The saved items (waiting and refused, of every account): the keys first, then each value.
void Outbox::load(Replies& replies) {
  if (!listed_) {
    listed_ = true;
    list_request_ = replies.expect(platform::idb::list(kAllAccountsPrefix));
  }
  if (!list_request_.empty()) {
    auto reply = replies.take(list_request_);
    if (!reply) return;
    list_request_.clear();
    auto j = nlohmann::json::parse(*reply, nullptr, false);
    const nlohmann::json keys = j.is_object() && j.contains("keys") ? j["keys"] : nlohmann::json();
    for (const auto& key : keys) {
      if (!key.is_string()) continue;
      const std::string k = key.get<std::string>();
      const std::string owner = owner_of_key(k);
      if (!owner.empty() && !section_of(k, owner).empty())
        get_requests_[replies.expect(platform::idb::get(k))] = k;
    }
  }
  for (auto it = get_requests_.begin(); it != get_requests_.end();) {
    auto reply = replies.take(it->first);
    if (!reply) {
      ++it;
      continue;
    }
    auto value = nlohmann::json::parse(*reply, nullptr, false);
    auto saved = nlohmann::json::parse(api::str(value, "value"), nullptr, false);
    OutboxItem item = item_from_json(saved);
    const std::string owner = owner_of_key(it->second);
    const bool refused = section_of(it->second, owner) == kRefused;
    const bool known =
        std::any_of(items_.begin(), items_.end(), [&](auto& i) { return i.key == item.key; }) ||
        std::any_of(refused_.begin(), refused_.end(),
                    [&](auto& r) { return r.item.key == item.key; });
    // Kept under its owner's prefix and naming the same owner; added on this page before the
    // list came back: already here.
    if (!item.key.empty() && item.owner == owner && find_kind(item.kind) && !known) {
      if (refused)
        refused_.push_back({std::move(item), error_from_json(saved["error"])});
      else
        items_.push_back(std::move(item));
    }
    it = get_requests_.erase(it);
  }
  loaded_ = list_request_.empty() && get_requests_.empty();
}

OutboxItem* Outbox::current() {
  auto it =
      std::find_if(items_.begin(), items_.end(), [&](auto& i) { return i.key == current_key_; });
  return current_key_.empty() || it == items_.end() ? nullptr : &*it;
}

void Outbox::idle() {
  current_key_.clear();
  uploading_ = -1;
}

void Outbox::update(api::Client& api, Replies& replies, const Session& session, double now) {
  take_erasures(replies);
  if (!loaded_) {
    load(replies);
    if (!loaded_) return;
  }
  if (!blob_request_.empty()) {
    if (auto reply = replies.take(blob_request_)) {
      blob_request_.clear();
      std::string url = api::str(nlohmann::json::parse(*reply, nullptr, false), "url");
      if (url.empty() || !current() || !session.may_send_as(current()->owner))
        finished_step({url.empty() ? -1 : 0, ""}, api, replies, session, now);
      else
        upload_request_ = replies.expect(
            platform::upload::post_blob(url, find_kind(current()->kind)->upload_endpoint));
    }
    return;
  }
  if (!upload_request_.empty()) {
    if (auto reply = replies.take(upload_request_)) {
      upload_request_.clear();
      auto j = nlohmann::json::parse(*reply, nullptr, false);
      finished_step({static_cast<int>(api::integer(j, "status")), api::str(j, "body")}, api,
                    replies, session, now);
    }
    return;
  }
  if (post_.waiting()) {
    if (auto response = post_.poll(api)) finished_step(*response, api, replies, session, now);
    return;
  }
  if (now >= next_try_) start_next(api, replies, session);
}

// The oldest item the signed-in account may send; the others wait for their owner.
void Outbox::start_next(api::Client& api, Replies& replies, const Session& session) {
  idle();
  auto it = std::find_if(items_.begin(), items_.end(),
                         [&](auto& i) { return session.may_send_as(i.owner); });
  if (it == items_.end()) return;
  current_key_ = it->key;
  ++it->attempts;
  step(*it, api, replies, session);
}

// The next upload of `item`, or the item itself; checked against the session right before.
void Outbox::step(OutboxItem& item, api::Client& api, Replies& replies, const Session& session) {
  const SubmissionKind* kind = find_kind(item.kind);
  if (!kind || !session.may_send_as(item.owner)) return idle();
  for (std::size_t i = 0; i < item.uploads.size(); ++i) {
    if (!item.uploads[i].media_id.empty()) continue;
    uploading_ = static_cast<int>(i);
    blob_request_ = replies.expect(platform::idb::blob_url(item.uploads[i].key));
    return;
  }
  uploading_ = -1;
  if (item.body.empty()) {
    // Fixed now and kept: every retry, after any reload, sends these very bytes.
    std::vector<std::string> ids;
    for (const Upload& u : item.uploads) ids.push_back(u.media_id);
    item.body = kind->body(item.form, ids).dump();
    save(item);
  }
  post_.start(api, "POST", std::string(kind->endpoint), item.body, item.key);
}

void Outbox::finished_step(const api::Response& response, api::Client& api, Replies& replies,
                           const Session& session, double now) {
  OutboxItem* found = current();
  if (!found) return idle();  // erased with its account meanwhile
  OutboxItem& item = *found;
  if (response.status == -1 && uploading_ >= 0) {
    // The file's blob is gone (storage cleared): send the item without it.
    item.uploads.erase(item.uploads.begin() + uploading_);
    save(item);
    return step(item, api, replies, session);
  }
  // No answer, the owner signed out meanwhile, or the server is overloaded or restarting: the
  // same steps again later (401: the session ended; the owner signs in again and it goes on).
  if (response.network_error() || response.status >= 500 || response.status == 429 ||
      response.status == 401) {
    item.held_back = response.status == 429 ? api::error_of(response).message : "";
    idle();
    return retry_later(now);
  }
  item.held_back.clear();
  backoff_ = 0;
  if (!response.ok()) {
    // Kept where a reload finds it; the uploads' blobs stay in the store with it.
    refused_.push_back({item, api::error_of(response)});
    save(refused_.back());
    platform::idb::remove(store_key(item, kWaiting));
    std::erase_if(items_, [&](auto& i) { return i.key == current_key_; });
    idle();
    platform::request_wake();
    return;
  }
  if (uploading_ >= 0) {
    auto j = nlohmann::json::parse(response.body, nullptr, false);
    const std::string member(find_kind(item.kind)->upload_member);
    item.uploads[uploading_].media_id =
        j.is_object() && j.contains(member) ? api::str(j[member], "id") : "";
    save(item);
    return step(item, api, replies, session);
  }
  auto j = nlohmann::json::parse(response.body, nullptr, false);
  const std::string member(find_kind(item.kind)->name);
  if (j.is_object() && j.contains(member)) {
    last_sent_id_ = api::integer(j[member], "id");
    last_sent_code_ = api::str(j[member], "code");
  }
  last_sent_key_ = item.key;
  platform::idb::remove(store_key(item, kWaiting));
  for (const Upload& u : item.uploads) platform::idb::remove(u.key);
  std::erase_if(items_, [&](auto& i) { return i.key == current_key_; });
  idle();
  ++sent_count_;
  platform::request_wake();
}

}  // namespace cdscb::app::state
