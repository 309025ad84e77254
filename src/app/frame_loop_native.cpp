// On the desktop the loop blocks in SDL_WaitEvent while idle; a wake is an SDL user event.
#include <SDL.h>

#include <utility>

#include "app/frame_pacer.h"
#include "app/platform/inbox.h"

namespace {
bool wake_requested = false;
Uint64 wake_deadline = 0;  // SDL_GetTicks64() when a delayed wake is due; 0 when none
}  // namespace

namespace cdscb::app {

void sleep_until_woken() {
  if (wake_requested) return;
  if (wake_deadline == 0) {
    SDL_WaitEvent(nullptr);
    return;
  }
  const Uint64 now = SDL_GetTicks64();
  if (now >= wake_deadline ||
      !SDL_WaitEventTimeout(nullptr, static_cast<int>(wake_deadline - now))) {
    wake_deadline = 0;
    wake_requested = true;
  }
}

bool take_wake_request() { return std::exchange(wake_requested, false); }

}  // namespace cdscb::app

void cdscb::app::platform::request_wake_after(double seconds) {
  const Uint64 due = SDL_GetTicks64() + static_cast<Uint64>(seconds * 1000);
  if (wake_deadline == 0 || due < wake_deadline) wake_deadline = due;
}

void cdscb::app::platform::request_wake() {
  wake_requested = true;
  SDL_Event event{};
  event.type = SDL_USEREVENT;
  SDL_PushEvent(&event);
}
