#pragma once
// Browser elements shown over rectangles that screens reserve (maps, camera video). A screen
// reserves its rectangle every frame it is shown; the page is told only when a placement
// changes, and overlays no longer reserved are hidden.
#include <map>
#include <string>

#include "app/platform/map.h"
#include "app/platform/overlay.h"
#include "app/platform/video.h"

namespace cdscb::app::ui {

class Overlays {
 public:
  void begin_frame();
  // Reserves `height` px at the cursor, full width, for a map.
  void map(const char* id, float height, const platform::map::View& view);
  // Reserves `height` px at the cursor, full width, for a live stream. While a popup is open
  // the video is hidden (and downloads nothing), as it would cover the popup.
  void video(const char* id, float height, const std::string& url,
             const platform::video::Options& options);
  void end_frame();

 private:
  struct VideoEntry {
    platform::OverlayPlacement placement;
    std::string url;
    platform::video::Options options;
    bool reserved = false;
    bool shown = false;
  };
  std::map<std::string, VideoEntry> videos_;

  struct Entry {
    platform::OverlayPlacement placement;
    platform::map::View view;
    bool reserved = false;
    bool shown = false;
  };
  std::map<std::string, Entry> maps_;
};

}  // namespace cdscb::app::ui
