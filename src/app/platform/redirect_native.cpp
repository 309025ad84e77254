// The desktop build hands links to the system's opener.
#include <SDL.h>

#include <string>

#include "app/platform/redirect.h"

namespace cdscb::app::platform::redirect {

void go_to(std::string_view url) { SDL_OpenURL(std::string(url).c_str()); }

void open_in_new_tab(std::string_view url) { SDL_OpenURL(std::string(url).c_str()); }

// The desktop app talks to a local server.
std::string page_origin() { return "http://localhost"; }

}  // namespace cdscb::app::platform::redirect
