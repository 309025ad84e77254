// The desktop build has no position source; it answers "unavailable" right away.
#include "app/platform/geolocation.h"
#include "app/platform/inbox.h"
#include "app/platform/requests.h"

namespace cdscb::app::platform::geolocation {

std::string request_position() {
  std::string id = next_request_id("geo");
  inbox().push({InboundEvent::Kind::kReply, id, R"({"error":"unavailable"})"});
  return id;
}

}  // namespace cdscb::app::platform::geolocation
