#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/requests.h"
#include "app/platform/upload.h"

// clang-format off
EM_JS(void, js_upload_blob, (const char* id, const char* blob_url, const char* path), {
  const rid = UTF8ToString(id);
  const reply = (obj) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify(obj)]);
  const target = UTF8ToString(path);
  fetch(UTF8ToString(blob_url))
    .then((r) => r.blob())
    .then((blob) => fetch(target, { method: "POST", credentials: "same-origin", body: blob,
      headers: { "Content-Type": blob.type || "application/octet-stream", "Accept": "application/json" } }))
    .then((r) => r.text().then((t) => reply({ status: r.status, body: t })))
    .catch(() => reply({ status: 0, body: "" }));
});
// clang-format on

namespace cdscb::app::platform::upload {

std::string post_blob(std::string_view blob_url, std::string_view path) {
  std::string id = next_request_id("upload");
  js_upload_blob(id.c_str(), std::string(blob_url).c_str(), std::string(path).c_str());
  return id;
}

}  // namespace cdscb::app::platform::upload
