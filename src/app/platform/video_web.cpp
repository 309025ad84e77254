#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/video.h"

// clang-format off
EM_JS(void, js_video_place, (const char* id, float x, float y, float w, float h, float cx, float cy,
                             float cw, float ch, const char* url), {
  Module.bridges.video.place(UTF8ToString(id), {x, y, w, h}, {x: cx, y: cy, w: cw, h: ch},
                                 UTF8ToString(url));
});
EM_JS(void, js_video_hide, (const char* id), { Module.bridges.video.hide(UTF8ToString(id)); });
// clang-format on

namespace cdscb::app::platform::video {

void place(std::string_view id, const OverlayPlacement& p, std::string_view stream_url) {
  js_video_place(std::string(id).c_str(), p.rect.x, p.rect.y, p.rect.w, p.rect.h, p.clip.x,
                 p.clip.y, p.clip.w, p.clip.h, std::string(stream_url).c_str());
}

void hide(std::string_view id) { js_video_hide(std::string(id).c_str()); }

}  // namespace cdscb::app::platform::video
