#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

#include "app/platform/storage.h"

// clang-format off
EM_JS(char*, js_storage_get, (const char* key), {
  const v = Module.bridges.storage.get(UTF8ToString(key));
  if (v === null) return 0;
  const n = lengthBytesUTF8(v) + 1;
  const p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});
EM_JS(void, js_storage_set, (const char* key, const char* value), {
  Module.bridges.storage.set(UTF8ToString(key), UTF8ToString(value));
});
// clang-format on

namespace cdscb::app::platform::storage {

std::optional<std::string> get(std::string_view key) {
  char* p = js_storage_get(std::string(key).c_str());
  if (!p) return std::nullopt;
  std::string value(p);
  std::free(p);
  return value;
}

void set(std::string_view key, std::string_view value) {
  js_storage_set(std::string(key).c_str(), std::string(value).c_str());
}

}  // namespace cdscb::app::platform::storage
