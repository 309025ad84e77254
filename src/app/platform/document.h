#pragma once
// Picks a document (a PDF of a paper, an official's result) with the browser's file chooser. The
// answer arrives as a kReply with JSON {"name","type","size","url"} (url: a blob: URL, for
// platform::upload::post_blob or the outbox) or {"error":"cancelled"|"unavailable"|"too_large"}.
// Photos go through platform::photo instead, which downscales them and strips EXIF.
#include <string>
#include <string_view>

namespace cdscb::app::platform::document {

// `accept` as an <input type=file> takes it, e.g. "application/pdf,.pdf".
std::string pick(std::string_view accept, long long max_bytes);

}  // namespace cdscb::app::platform::document
