#pragma once
// A picture (a photo thumbnail: an object URL or a /media/… URL) in an <img> over a reserved
// rectangle; the browser decodes and scales it, the canvas never holds its pixels.
#include <string_view>

#include "app/platform/overlay.h"

namespace platform::image {

void place(std::string_view id, const OverlayPlacement& placement, std::string_view url);
void hide(std::string_view id);

}  // namespace platform::image
