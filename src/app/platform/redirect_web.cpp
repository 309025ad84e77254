#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/redirect.h"

// clang-format off
EM_JS(void, js_redirect, (const char* url), { Module.bridges.redirect.goTo(UTF8ToString(url)); });
EM_JS(void, js_open_tab, (const char* url), { Module.bridges.redirect.openInNewTab(UTF8ToString(url)); });
// clang-format on

namespace cdscb::app::platform::redirect {

void go_to(std::string_view url) { js_redirect(std::string(url).c_str()); }

void open_in_new_tab(std::string_view url) { js_open_tab(std::string(url).c_str()); }

}  // namespace cdscb::app::platform::redirect
