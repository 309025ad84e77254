#pragma once
// A Leaflet map over a reserved rectangle. Tiles come from a configurable URL template.
#include <string_view>

#include "app/platform/overlay.h"

namespace platform::map {

struct View {
  double lat = 22.666;
  double lon = 106.258;
  int zoom = 12;
};

void place(std::string_view id, const OverlayPlacement& placement, const View& view);
void hide(std::string_view id);

}  // namespace platform::map
