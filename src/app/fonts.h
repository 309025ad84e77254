#pragma once
// Noto Sans (subset to Latin + Vietnamese) in the ImGui atlas, rasterised at the device pixel
// ratio so text stays crisp at DPR 1, 2 and 3, and at the citizen's chosen text size.
#include <string>
#include <vector>

#include "app/ui/theme.h"

namespace cdscb::app {

struct FontFiles {
  std::vector<unsigned char> regular;
  std::vector<unsigned char> bold;
};

// Web: the bytes the loader fetched (precached by the service worker); native: Debian's fonts.
FontFiles load_font_files();

// Rebuilds the atlas when the pixel ratio or text scale changed; returns true if it did.
class FontAtlas {
 public:
  bool update(const FontFiles& files, float pixel_ratio, float text_scale, ui::Theme& theme);

 private:
  float pixel_ratio_ = 0;
  float text_scale_ = 0;
};

}  // namespace cdscb::app
