#include <emscripten/emscripten.h>

#include "app/fonts.h"

// clang-format off
EM_JS(int, js_font_size, (int bold), {
  const f = Module.cdscbFonts && Module.cdscbFonts[bold ? "bold" : "regular"];
  return f ? f.length : 0;
});
EM_JS(void, js_font_copy, (int bold, unsigned char* dest), {
  HEAPU8.set(Module.cdscbFonts[bold ? "bold" : "regular"], dest);
});
// clang-format on

namespace cdscb::app {
namespace {

std::vector<unsigned char> copy_font(int bold) {
  std::vector<unsigned char> bytes(js_font_size(bold));
  if (!bytes.empty()) js_font_copy(bold, bytes.data());
  return bytes;
}

}  // namespace

FontFiles load_font_files() { return {copy_font(0), copy_font(1)}; }

}  // namespace cdscb::app
