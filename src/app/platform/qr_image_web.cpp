#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/qr_image.h"
#include "app/platform/requests.h"

// clang-format off
EM_JS(void, js_qr_image_save, (const char* id, const char* rows, const char* file_name), {
  const rid = UTF8ToString(id);
  const reply = (obj) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify(obj)]);
  if (!Module.bridges.qrImage) return reply({result: "unavailable"});
  Module.bridges.qrImage.save(UTF8ToString(rows), UTF8ToString(file_name))
    .then(reply, () => reply({result: "failed"}));
});
// clang-format on

namespace cdscb::app::platform::qr_image {

std::string save(std::string_view rows, std::string_view file_name) {
  std::string id = next_request_id("qr");
  js_qr_image_save(id.c_str(), std::string(rows).c_str(), std::string(file_name).c_str());
  return id;
}

}  // namespace cdscb::app::platform::qr_image
