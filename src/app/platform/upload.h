#pragma once
// Sends a stored photo (a blob in platform::idb) as the raw body of a POST, with the session
// cookie, as POST /api/v1/media expects. The answer arrives as a kReply with the request id and
// {"status":N,"body":"…"} like an API answer (status 0: the network failed; -1: no such blob).
#include <string>
#include <string_view>

namespace platform::upload {

std::string post_blob(std::string_view path, std::string_view blob_key);

}  // namespace platform::upload
