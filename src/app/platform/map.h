#pragma once
// A Leaflet map over a reserved rectangle. Tiles come from a configurable URL template.
#include <string>
#include <string_view>
#include <vector>

#include "app/platform/overlay.h"

namespace cdscb::app::platform::map {

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

// A fixed marker (not draggable), coloured by `status`; its accessible name is the title and
// the status label. A tap on it replies under "map-marker:<map id>" with {"id":…}.
struct Marker {
  long long id = 0;
  double lat = 0, lon = 0;
  std::string title;
  std::string status;  // a feedback status code: picks the colour
  std::string label;   // the status as the citizen reads it
};

void place(std::string_view id, const OverlayPlacement& placement, const View& view);
void hide(std::string_view id);
// Replaces the markers of a map already placed. Every move of a map's view, once it settles
// (and once when the map first shows), replies under "map-view:<map id>" with
// {"west","south","east","north","zoom"}.
void set_markers(std::string_view id, const std::vector<Marker>& markers);

}  // namespace cdscb::app::platform::map
