#include "tests/app/fake_platform.h"

#include <nlohmann/json.hpp>

#include "app/platform/idb_store.h"
#include "app/platform/image.h"
#include "app/platform/inbox.h"
#include "app/platform/requests.h"
#include "app/platform/storage.h"
#include "app/platform/upload.h"

namespace cdscb::app::fake {
namespace {

struct Pending {
  std::string id, op, key, value;
};

std::vector<Pending>& pending() {
  static std::vector<Pending> calls;
  return calls;
}

std::string call(const char* op, std::string_view key, std::string_view value = {}) {
  std::string id = platform::next_request_id("idb");
  pending().push_back({id, op, std::string(key), std::string(value)});
  return id;
}

}  // namespace

std::map<std::string, std::string>& idb() {
  static std::map<std::string, std::string> store;
  return store;
}

std::vector<std::string>& prefetched() {
  static std::vector<std::string> urls;
  return urls;
}

std::vector<Upload>& uploads() {
  static std::vector<Upload> list;
  return list;
}

std::vector<double>& wakes_after() {
  static std::vector<double> delays;
  return delays;
}

void answer_idb(state::Replies& replies) {
  auto calls = std::move(pending());
  pending().clear();
  for (const auto& c : calls) {
    nlohmann::json reply;
    if (c.op == "get") {
      auto it = idb().find(c.key);
      reply = {{"value", it == idb().end() ? nlohmann::json() : nlohmann::json(it->second)}};
    } else if (c.op == "put") {
      idb()[c.key] = c.value;
      reply = {{"ok", true}};
    } else if (c.op == "put_blob") {
      idb()[c.key] = "blob:" + c.value;
      reply = {{"ok", true}};
    } else if (c.op == "blob_url") {
      reply = idb().count(c.key) ? nlohmann::json{{"url", "blob:copy-of-" + c.key}}
                                 : nlohmann::json{{"error", "missing"}};
    } else if (c.op == "remove") {
      idb().erase(c.key);
      reply = {{"ok", true}};
    } else {
      nlohmann::json keys = nlohmann::json::array();
      for (const auto& [k, v] : idb())
        if (k.starts_with(c.key)) keys.push_back(k);
      reply = {{"keys", keys}};
    }
    replies.deliver(c.id, reply.dump());
  }
}

}  // namespace cdscb::app::fake

namespace cdscb::app::platform::idb {
std::string get(std::string_view key) { return fake::call("get", key); }
std::string put(std::string_view key, std::string_view value) {
  return fake::call("put", key, value);
}
std::string remove(std::string_view key) { return fake::call("remove", key); }
std::string list(std::string_view prefix) { return fake::call("list", prefix); }
std::string put_blob(std::string_view key, std::string_view object_url) {
  return fake::call("put_blob", key, object_url);
}
std::string blob_url(std::string_view key) { return fake::call("blob_url", key); }
}  // namespace cdscb::app::platform::idb

namespace cdscb::app::platform::upload {
std::string post_blob(std::string_view blob_url, std::string_view path) {
  std::string id = next_request_id("upload");
  fake::uploads().push_back({id, std::string(blob_url), std::string(path)});
  return id;
}
}  // namespace cdscb::app::platform::upload

namespace cdscb::app::platform {
void request_wake() {}
void request_wake_after(double seconds) { fake::wakes_after().push_back(seconds); }
}  // namespace cdscb::app::platform

namespace cdscb::app::platform::image {
std::string load(std::string_view, int) { return next_request_id("image"); }
void release(unsigned) {}
void prefetch(std::string_view url) { fake::prefetched().emplace_back(url); }
}  // namespace cdscb::app::platform::image

namespace cdscb::app::fake {
std::map<std::string, std::string>& storage() {
  static std::map<std::string, std::string> values;
  return values;
}
}  // namespace cdscb::app::fake

namespace cdscb::app::platform::storage {
std::optional<std::string> get(std::string_view key) {
  auto it = fake::storage().find(std::string(key));
  if (it == fake::storage().end()) return std::nullopt;
  return it->second;
}
void set(std::string_view key, std::string_view value) {
  fake::storage()[std::string(key)] = std::string(value);
}
}  // namespace cdscb::app::platform::storage
