// On the desktop the loop blocks in SDL_WaitEvent while idle; a wake is an SDL user event.
#include <SDL.h>

#include <utility>

#include "app/frame_pacer.h"
#include "app/platform/inbox.h"

namespace {
bool wake_requested = false;
}  // namespace

namespace app {

void sleep_until_woken() {
  if (!wake_requested) SDL_WaitEvent(nullptr);
}

bool take_wake_request() { return std::exchange(wake_requested, false); }

}  // namespace app

void platform::request_wake() {
  wake_requested = true;
  SDL_Event event{};
  event.type = SDL_USEREVENT;
  SDL_PushEvent(&event);
}
