// The desktop app picks no photos (platform::photo answers "unavailable"), so nothing to send.
#include <string>

#include "app/platform/inbox.h"
#include "app/platform/requests.h"
#include "app/platform/upload.h"

namespace cdscb::app::platform::upload {

std::string post_blob(std::string_view, std::string_view) {
  std::string id = next_request_id("upload");
  inbox().push({InboundEvent::Kind::kReply, id, R"({"status":0,"body":""})"});
  request_wake();
  return id;
}

}  // namespace cdscb::app::platform::upload
