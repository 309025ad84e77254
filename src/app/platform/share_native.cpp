// The desktop app puts the link on the clipboard through SDL.
#include <SDL.h>

#include <string>

#include "app/platform/inbox.h"
#include "app/platform/requests.h"
#include "app/platform/share.h"

namespace cdscb::app::platform::share {

std::string share_text(std::string_view, std::string_view text) {
  std::string id = next_request_id("share");
  const bool copied = SDL_SetClipboardText(std::string(text).c_str()) == 0;
  inbox().push({InboundEvent::Kind::kReply, id,
                copied ? R"({"result":"copied"})" : R"({"result":"failed"})"});
  request_wake();
  return id;
}

std::string share(std::string_view title, std::string_view route) {
  return share_text(title, route);
}

}  // namespace cdscb::app::platform::share
