#pragma once
// Browser elements (a Leaflet map, a camera <video>) placed over a rectangle the screen reserves.
#include "app/ui/mirror.h"

namespace cdscb::app::platform {

struct OverlayPlacement {
  ui::Rect rect;  // where the element would be, in CSS pixels of the canvas
  ui::Rect clip;  // the visible part of it (scrolled content is clipped by the header)
  bool visible = true;
  bool operator==(const OverlayPlacement&) const = default;
};

}  // namespace cdscb::app::platform
