// The desktop app keeps the store in memory for the run; answers arrive like the browser's.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "app/platform/idb_store.h"
#include "app/platform/inbox.h"
#include "app/platform/requests.h"

namespace cdscb::app::platform::idb {
namespace {

std::map<std::string, std::string, std::less<>>& values() {
  static std::map<std::string, std::string, std::less<>> store;
  return store;
}

std::string answer(const nlohmann::json& reply) {
  std::string id = next_request_id("idb");
  inbox().push({InboundEvent::Kind::kReply, id, reply.dump()});
  request_wake();
  return id;
}

}  // namespace

std::string get(std::string_view key) {
  auto it = values().find(key);
  return answer({{"value", it == values().end() ? nlohmann::json() : nlohmann::json(it->second)}});
}

std::string put(std::string_view key, std::string_view value) {
  values()[std::string(key)] = std::string(value);
  return answer({{"ok", true}});
}

std::string remove(std::string_view key) {
  if (auto it = values().find(key); it != values().end()) values().erase(it);
  return answer({{"ok", true}});
}

std::string list(std::string_view prefix) {
  nlohmann::json keys = nlohmann::json::array();
  for (auto it = values().lower_bound(prefix);
       it != values().end() && it->first.starts_with(prefix); ++it)
    keys.push_back(it->first);
  return answer({{"keys", keys}});
}

// No photo picker on the desktop (platform/photo_native.cpp), so no blobs to keep.
std::string put_blob(std::string_view, std::string_view) {
  return answer({{"error", "unavailable"}});
}
std::string blob_url(std::string_view) { return answer({{"error", "missing"}}); }

}  // namespace cdscb::app::platform::idb
