#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/requests.h"
#include "app/platform/text_file.h"

// clang-format off
EM_JS(void, js_text_file_pick, (const char* id, const char* accept, int max_bytes), {
  const rid = UTF8ToString(id);
  const reply = (obj) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify(obj)]);
  if (!Module.bridges.textFile) return reply({error: "unavailable"});
  Module.bridges.textFile.pick(UTF8ToString(accept), max_bytes).then(reply);
});
// clang-format on

namespace cdscb::app::platform::text_file {

std::string pick(std::string_view accept, int max_bytes) {
  std::string id = next_request_id("file");
  js_text_file_pick(id.c_str(), std::string(accept).c_str(), max_bytes);
  return id;
}

}  // namespace cdscb::app::platform::text_file
