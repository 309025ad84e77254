// The desktop build stores no photo blobs (see idb_store_native.cpp): nothing to upload.
#include "app/platform/inbox.h"
#include "app/platform/requests.h"
#include "app/platform/upload.h"

namespace platform::upload {

std::string post_blob(std::string_view, std::string_view) {
  std::string id = next_request_id("upload");
  inbox().push({InboundEvent::Kind::kReply, id, R"({"status":-1,"body":""})"});
  return id;
}

}  // namespace platform::upload
