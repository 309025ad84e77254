// The desktop app puts the link on the clipboard through SDL.
#include <SDL.h>

#include <string>

#include "app/platform/inbox.h"
#include "app/platform/requests.h"
#include "app/platform/share.h"

namespace platform::share {

std::string share(std::string_view, std::string_view route) {
  std::string id = next_request_id("share");
  const bool copied = SDL_SetClipboardText(std::string(route).c_str()) == 0;
  inbox().push({InboundEvent::Kind::kReply, id,
                copied ? R"({"result":"copied"})" : R"({"result":"failed"})"});
  request_wake();
  return id;
}

}  // namespace platform::share
