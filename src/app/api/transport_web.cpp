#include <emscripten/emscripten.h>

#include <string>

#include "app/api/client.h"

// clang-format off
EM_JS(void, js_api_request, (const char* id, const char* method, const char* path, const char* body, const char* key), {
  const rid = UTF8ToString(id);
  const init = { method: UTF8ToString(method), credentials: "same-origin", headers: { "Accept": "application/json" } };
  const text = UTF8ToString(body);
  if (text.length) {
    init.body = text;
    init.headers["Content-Type"] = "application/json";
  }
  const idempotencyKey = UTF8ToString(key);
  if (idempotencyKey.length) init.headers["Idempotency-Key"] = idempotencyKey;
  const reply = (obj) => Module.ccall("app_reply", null, ["string", "string"], [rid, JSON.stringify(obj)]);
  fetch(UTF8ToString(path), init)
    .then((r) => r.text().then((t) => reply({ status: r.status, body: t })))
    .catch(() => reply({ status: 0, body: "" }));
});
// clang-format on

namespace cdscb::app::api {

void start_request(const std::string& request_id, std::string_view method, std::string_view path,
                   std::string_view json_body, std::string_view idempotency_key) {
  js_api_request(request_id.c_str(), std::string(method).c_str(), std::string(path).c_str(),
                 std::string(json_body).c_str(), std::string(idempotency_key).c_str());
}

}  // namespace cdscb::app::api
