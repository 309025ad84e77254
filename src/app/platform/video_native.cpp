// The desktop build does not play HLS streams; the live screen shows its frame and controls only.
#include "app/platform/video.h"

namespace cdscb::app::platform::video {

void place(std::string_view, const OverlayPlacement&, std::string_view, const Options&) {}
void hide(std::string_view) {}
void fullscreen(std::string_view) {}
State state(std::string_view) { return {}; }
bool prefers_data_saver() { return false; }

}  // namespace cdscb::app::platform::video
