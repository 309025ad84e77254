// The desktop build has no photo picker yet; it answers "unavailable" right away.
#include "app/platform/inbox.h"
#include "app/platform/photo.h"
#include "app/platform/requests.h"

namespace cdscb::app::platform::photo {

std::string pick(int) {
  std::string id = next_request_id("photo");
  inbox().push({InboundEvent::Kind::kReply, id, R"({"error":"unavailable"})"});
  return id;
}

}  // namespace cdscb::app::platform::photo
