#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/idb_store.h"
#include "app/platform/requests.h"

// clang-format off
EM_JS(void, js_idb_call, (const char* id, const char* op, const char* key, const char* value), {
  const rid = UTF8ToString(id);
  const reply = (obj) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify(obj)]);
  const store = Module.bridges.idb;
  if (!store) return reply({error: "unavailable"});
  store.call(UTF8ToString(op), UTF8ToString(key), UTF8ToString(value))
    .then(reply, (e) => reply({error: String(e && e.message ? e.message : e)}));
});
// clang-format on

namespace cdscb::app::platform::idb {
namespace {

std::string call(const char* op, std::string_view key, std::string_view value = {}) {
  std::string id = next_request_id("idb");
  js_idb_call(id.c_str(), op, std::string(key).c_str(), std::string(value).c_str());
  return id;
}

}  // namespace

std::string get(std::string_view key) { return call("get", key); }
std::string put(std::string_view key, std::string_view value) { return call("put", key, value); }
std::string remove(std::string_view key) { return call("remove", key); }
std::string list(std::string_view prefix) { return call("list", prefix); }
std::string put_blob(std::string_view key, std::string_view url) {
  return call("putBlob", key, url);
}
std::string blob_url(std::string_view key) { return call("blobUrl", key); }

}  // namespace cdscb::app::platform::idb
