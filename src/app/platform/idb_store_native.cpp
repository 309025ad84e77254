// The desktop build keeps the store in memory for the session (no browser database).
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "app/platform/idb_store.h"
#include "app/platform/inbox.h"
#include "app/platform/requests.h"

namespace platform::idb {
namespace {

std::map<std::string, std::string>& values() {
  static std::map<std::string, std::string> store;
  return store;
}

std::string answer(const nlohmann::json& reply) {
  std::string id = next_request_id("idb");
  inbox().push({InboundEvent::Kind::kReply, id, reply.dump()});
  return id;
}

}  // namespace

std::string get(std::string_view key) {
  auto it = values().find(std::string(key));
  return answer({{"value", it == values().end() ? nlohmann::json() : nlohmann::json(it->second)}});
}
std::string put(std::string_view key, std::string_view value) {
  values()[std::string(key)] = value;
  return answer({{"ok", true}});
}
std::string remove(std::string_view key) {
  values().erase(std::string(key));
  return answer({{"ok", true}});
}
std::string list(std::string_view prefix) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [k, v] : values())
    if (k.rfind(prefix, 0) == 0) items.push_back({{"key", k}, {"value", v}});
  return answer({{"items", items}});
}
std::string put_blob(std::string_view, std::string_view) {
  return answer({{"error", "unavailable"}});
}
std::string blob_url(std::string_view) { return answer({{"error", "missing"}}); }

}  // namespace platform::idb
