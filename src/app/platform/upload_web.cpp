#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/requests.h"
#include "app/platform/upload.h"

// clang-format off
EM_JS(void, js_upload_post_blob, (const char* id, const char* path, const char* key), {
  const rid = UTF8ToString(id);
  const reply = (obj) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify(obj)]);
  if (!Module.bridges.upload) return reply({status: 0, body: ""});
  Module.bridges.upload.postBlob(UTF8ToString(path), UTF8ToString(key)).then(reply);
});
// clang-format on

namespace platform::upload {

std::string post_blob(std::string_view path, std::string_view blob_key) {
  std::string id = next_request_id("upload");
  js_upload_post_blob(id.c_str(), std::string(path).c_str(), std::string(blob_key).c_str());
  return id;
}

}  // namespace platform::upload
