// The desktop build has no file chooser yet; it answers "unavailable" right away.
#include "app/platform/document.h"
#include "app/platform/inbox.h"
#include "app/platform/requests.h"

namespace cdscb::app::platform::document {

std::string pick(std::string_view, long long) {
  std::string id = next_request_id("document");
  inbox().push({InboundEvent::Kind::kReply, id, R"({"error":"unavailable"})"});
  return id;
}

}  // namespace cdscb::app::platform::document
