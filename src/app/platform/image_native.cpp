// The desktop app has no image decoder: screens show their placeholders.
#include <string>

#include "app/platform/image.h"
#include "app/platform/inbox.h"
#include "app/platform/requests.h"

namespace cdscb::app::platform::image {

std::string load(std::string_view, int) {
  std::string id = next_request_id("image");
  inbox().push({InboundEvent::Kind::kReply, id, R"({"error":"unavailable"})"});
  request_wake();
  return id;
}

void release(unsigned) {}

void prefetch(std::string_view) {}

}  // namespace cdscb::app::platform::image
