#include <emscripten/emscripten.h>

#include "app/platform/photo.h"
#include "app/platform/requests.h"

// clang-format off
EM_JS(void, js_photo_pick, (const char* id, int max), {
  const rid = UTF8ToString(id);
  const reply = (obj) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify(obj)]);
  if (!Module.bridges.photo) return reply({error: "unavailable"});
  Module.bridges.photo.pick(max).then(reply);
});
// clang-format on

namespace cdscb::app::platform::photo {

std::string pick(int max_count) {
  std::string id = next_request_id("photo");
  js_photo_pick(id.c_str(), max_count);
  return id;
}

}  // namespace cdscb::app::platform::photo
