// The desktop build has no image writer: it answers "unavailable" right away.
#include "app/platform/inbox.h"
#include "app/platform/qr_image.h"
#include "app/platform/requests.h"

namespace cdscb::app::platform::qr_image {

std::string save(std::string_view, std::string_view) {
  std::string id = next_request_id("qr");
  inbox().push({InboundEvent::Kind::kReply, id, R"({"result":"unavailable"})"});
  request_wake();
  return id;
}

}  // namespace cdscb::app::platform::qr_image
