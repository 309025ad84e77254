// The desktop build does not play HLS streams; screens show the stream address instead.
#include "app/platform/video.h"

namespace cdscb::app::platform::video {

void place(std::string_view, const OverlayPlacement&, std::string_view) {}
void hide(std::string_view) {}

}  // namespace cdscb::app::platform::video
