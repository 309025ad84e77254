// In the browser the frame loop is emscripten's main loop on requestAnimationFrame: pausing it
// stops all rendering until the page (input listeners, mirror, replies) wakes it.
#include <emscripten/emscripten.h>

#include <utility>

#include "app/frame_pacer.h"
#include "app/platform/inbox.h"

namespace {
bool wake_requested = false;
bool paused = false;
}  // namespace

namespace cdscb::app {

void sleep_until_woken() {
  if (wake_requested) return;
  paused = true;
  emscripten_pause_main_loop();
}

bool take_wake_request() { return std::exchange(wake_requested, false); }

}  // namespace cdscb::app

// clang-format off
EM_JS(void, js_wake_after, (double ms), { setTimeout(() => Module._app_wake(), ms); });
// clang-format on

void cdscb::app::platform::request_wake_after(double seconds) { js_wake_after(seconds * 1000); }

void cdscb::app::platform::request_wake() {
  wake_requested = true;
  if (paused) {
    paused = false;
    emscripten_resume_main_loop();
  }
}
