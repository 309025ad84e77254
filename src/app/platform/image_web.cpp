#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/image.h"

// clang-format off
EM_JS(void, js_image_place, (const char* id, float x, float y, float w, float h, float cx, float cy,
                             float cw, float ch, const char* url), {
  Module.bridges.images.place(UTF8ToString(id), {x, y, w, h}, {x: cx, y: cy, w: cw, h: ch},
                              UTF8ToString(url));
});
EM_JS(void, js_image_hide, (const char* id), { Module.bridges.images.hide(UTF8ToString(id)); });
// clang-format on

namespace platform::image {

void place(std::string_view id, const OverlayPlacement& p, std::string_view url) {
  js_image_place(std::string(id).c_str(), p.rect.x, p.rect.y, p.rect.w, p.rect.h, p.clip.x,
                 p.clip.y, p.clip.w, p.clip.h, std::string(url).c_str());
}

void hide(std::string_view id) { js_image_hide(std::string(id).c_str()); }

}  // namespace platform::image
