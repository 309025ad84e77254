// The desktop build has no file picker yet; it answers "unavailable" right away.
#include "app/platform/inbox.h"
#include "app/platform/requests.h"
#include "app/platform/text_file.h"

namespace cdscb::app::platform::text_file {

std::string pick(std::string_view, int) {
  std::string id = next_request_id("file");
  inbox().push({InboundEvent::Kind::kReply, id, R"({"error":"unavailable"})"});
  return id;
}

}  // namespace cdscb::app::platform::text_file
