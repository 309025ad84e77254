#pragma once
// Sends a picked photo (the page's blob: URL from platform::photo::pick) as the raw body of a
// POST, e.g. to /api/v1/media. The answer arrives as a kReply shaped like an API answer:
// {"status":N,"body":"…"} (status 0 when the network failed), so api::Response can read it.
#include <string>
#include <string_view>

namespace cdscb::app::platform::upload {

std::string post_blob(std::string_view blob_url, std::string_view path);

}  // namespace cdscb::app::platform::upload
