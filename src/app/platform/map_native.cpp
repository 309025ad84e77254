// The desktop build has no browser to host Leaflet; screens draw a framed placeholder instead.
#include "app/platform/map.h"

namespace cdscb::app::platform::map {

void place(std::string_view, const OverlayPlacement&, const View&) {}
void hide(std::string_view) {}
void set_markers(std::string_view, const std::vector<Marker>&) {}

}  // namespace cdscb::app::platform::map
