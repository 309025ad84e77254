#pragma once
// A Leaflet map over a reserved rectangle. Tiles come from a configurable URL template.
#include <string_view>

#include "app/platform/overlay.h"

namespace platform::map {

struct View {
  double lat = 22.666;
  double lon = 106.258;
  int zoom = 12;
  // A pin at exact coordinates. A draggable pin (or a tap on the map) reports where it went as a
  // reply with the id "map-pin:<map id>" and JSON {"lat":…,"lon":…}.
  bool pin = false;
  double pin_lat = 0, pin_lon = 0;
  bool draggable = false;
  bool operator==(const View&) const = default;
};

void place(std::string_view id, const OverlayPlacement& placement, const View& view);
void hide(std::string_view id);

}  // namespace platform::map
