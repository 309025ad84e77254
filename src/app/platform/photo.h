#pragma once
// Picks photos from the camera or gallery. The page downscales each and strips EXIF before the
// app sees it; the answer arrives as a kReply with JSON {"photos":[{"name","type","size",
// "width","height","url"}]} or {"error":"cancelled"|"unavailable"}.
#include <string>

namespace cdscb::app::platform::photo {

std::string pick(int max_count);

}  // namespace cdscb::app::platform::photo
