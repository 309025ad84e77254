#pragma once
// A camera stream (HLS through hls.js, or native HLS) in a <video> over a reserved rectangle.
#include <string_view>

#include "app/platform/overlay.h"

namespace cdscb::app::platform::video {

void place(std::string_view id, const OverlayPlacement& placement, std::string_view stream_url);
void hide(std::string_view id);

}  // namespace cdscb::app::platform::video
