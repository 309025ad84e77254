#include <emscripten/emscripten.h>

#include <string>

#include "app/platform/video.h"

// clang-format off
EM_JS(void, js_video_place, (const char* id, float x, float y, float w, float h, float cx, float cy,
                             float cw, float ch, const char* url, const char* label,
                             const char* offline_text, int data_saver, int paused), {
  Module.bridges.video.place(UTF8ToString(id), {x, y, w, h}, {x: cx, y: cy, w: cw, h: ch},
                             UTF8ToString(url), {label: UTF8ToString(label),
                             offlineText: UTF8ToString(offline_text),
                             quality: data_saver ? "low" : "auto", paused: !!paused});
});
EM_JS(void, js_video_hide, (const char* id), { Module.bridges.video.hide(UTF8ToString(id)); });
EM_JS(void, js_video_fullscreen, (const char* id), {
  Module.bridges.video.fullscreen(UTF8ToString(id));
});
// The state packed in one number (no string to allocate): bits for playing, paused, offline, then
// the rendition's height.
EM_JS(int, js_video_state, (const char* id), {
  const s = Module.bridges.video.state(UTF8ToString(id));
  return (s.playing ? 1 : 0) | (s.paused ? 2 : 0) | (s.offline ? 4 : 0) | ((s.height | 0) << 3);
});
EM_JS(int, js_video_prefers_data_saver, (), {
  return Module.bridges.video.prefersDataSaver() ? 1 : 0;
});
// clang-format on

namespace cdscb::app::platform::video {

void place(std::string_view id, const OverlayPlacement& p, std::string_view stream_url,
           const Options& o) {
  js_video_place(std::string(id).c_str(), p.rect.x, p.rect.y, p.rect.w, p.rect.h, p.clip.x,
                 p.clip.y, p.clip.w, p.clip.h, std::string(stream_url).c_str(), o.label.c_str(),
                 o.offline_text.c_str(), o.data_saver, o.paused);
}

void hide(std::string_view id) { js_video_hide(std::string(id).c_str()); }

void fullscreen(std::string_view id) { js_video_fullscreen(std::string(id).c_str()); }

State state(std::string_view id) {
  const int bits = js_video_state(std::string(id).c_str());
  return {.playing = (bits & 1) != 0,
          .paused = (bits & 2) != 0,
          .offline = (bits & 4) != 0,
          .height = bits >> 3};
}

bool prefers_data_saver() { return js_video_prefers_data_saver() != 0; }

}  // namespace cdscb::app::platform::video
