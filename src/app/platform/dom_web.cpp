#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

#include "app/platform/dom.h"

// clang-format off
EM_JS(void, js_publish_mirror, (const char* json, int len), {
  Module.bridges.a11y.update(UTF8ToString(json, len));
});
EM_JS(void, js_focus_mirror, (const char* id), {
  Module.bridges.a11y.focus(UTF8ToString(id));
});
EM_JS(void, js_history_push, (const char* hash), {
  const h = UTF8ToString(hash);
  if (location.hash !== h) history.pushState(null, "", h);
});
EM_JS(void, js_history_back, (), { history.back(); });
EM_JS(void, js_history_replace, (const char* hash), { history.replaceState(null, "", UTF8ToString(hash)); });
EM_JS(char*, js_current_hash, (), {
  const h = location.hash || "#/";
  const n = lengthBytesUTF8(h) + 1;
  const p = _malloc(n);
  stringToUTF8(h, p, n);
  return p;
});
EM_JS(void, js_set_document_language, (const char* lang), {
  document.documentElement.lang = UTF8ToString(lang);
});
// clang-format on

namespace cdscb::app::platform::dom {

void publish_mirror(std::string_view nodes_json) {
  js_publish_mirror(nodes_json.data(), static_cast<int>(nodes_json.size()));
}

void focus_mirror_element(std::string_view id) { js_focus_mirror(std::string(id).c_str()); }

void history_push(std::string_view hash) { js_history_push(std::string(hash).c_str()); }

bool has_history() { return true; }

void history_back() { js_history_back(); }

void history_replace(std::string_view hash) { js_history_replace(std::string(hash).c_str()); }

std::string current_hash() {
  char* p = js_current_hash();
  std::string hash(p);
  std::free(p);
  return hash;
}

void set_document_language(std::string_view language) {
  js_set_document_language(std::string(language).c_str());
}

}  // namespace cdscb::app::platform::dom
