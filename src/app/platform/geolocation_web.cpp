#include <emscripten/emscripten.h>

#include "app/platform/geolocation.h"
#include "app/platform/requests.h"

// clang-format off
EM_JS(void, js_geolocation_request, (const char* id), {
  const rid = UTF8ToString(id);
  const reply = (obj) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify(obj)]);
  if (!Module.bridges.geo) return reply({error: "unavailable"});
  Module.bridges.geo.request().then(reply);
});
// clang-format on

namespace cdscb::app::platform::geolocation {

std::string request_position() {
  std::string id = next_request_id("geo");
  js_geolocation_request(id.c_str());
  return id;
}

}  // namespace cdscb::app::platform::geolocation
