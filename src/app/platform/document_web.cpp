#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/document.h"
#include "app/platform/requests.h"

// clang-format off
EM_JS(void, js_document_pick, (const char* id, const char* accept, double max_bytes), {
  const rid = UTF8ToString(id);
  const reply = (obj) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify(obj)]);
  if (!Module.bridges.document) return reply({error: "unavailable"});
  Module.bridges.document.pick(UTF8ToString(accept), max_bytes).then(reply);
});
// clang-format on

namespace cdscb::app::platform::document {

std::string pick(std::string_view accept, long long max_bytes) {
  std::string id = next_request_id("document");
  js_document_pick(id.c_str(), std::string(accept).c_str(), static_cast<double>(max_bytes));
  return id;
}

}  // namespace cdscb::app::platform::document
