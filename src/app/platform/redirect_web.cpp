#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

#include "app/platform/redirect.h"

// clang-format off
EM_JS(void, js_redirect, (const char* url), { Module.bridges.redirect.goTo(UTF8ToString(url)); });
EM_JS(void, js_open_tab, (const char* url), { Module.bridges.redirect.openInNewTab(UTF8ToString(url)); });
EM_JS(char*, js_page_origin, (), {
  const o = location.origin;
  const n = lengthBytesUTF8(o) + 1;
  const p = _malloc(n);
  stringToUTF8(o, p, n);
  return p;
});
// clang-format on

namespace cdscb::app::platform::redirect {

void go_to(std::string_view url) { js_redirect(std::string(url).c_str()); }

std::string page_origin() {
  char* origin = js_page_origin();
  std::string out(origin);
  free(origin);
  return out;
}

void open_in_new_tab(std::string_view url) { js_open_tab(std::string(url).c_str()); }

}  // namespace cdscb::app::platform::redirect
