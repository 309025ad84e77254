#pragma once
// Browser elements shown over rectangles that screens reserve (maps, camera video). A screen
// reserves its rectangle every frame it is shown; the page is told only when a placement
// changes, and overlays no longer reserved are hidden.
#include <map>
#include <string>

#include "app/platform/map.h"
#include "app/platform/overlay.h"

namespace cdscb::app::ui {

class Overlays {
 public:
  void begin_frame();
  // Reserves `height` px at the cursor, full width, for a map.
  void map(const char* id, float height, const platform::map::View& view);
  void end_frame();

 private:
  struct Entry {
    platform::OverlayPlacement placement;
    platform::map::View view;
    bool reserved = false;
    bool shown = false;
  };
  std::map<std::string, Entry> maps_;
};

}  // namespace cdscb::app::ui
