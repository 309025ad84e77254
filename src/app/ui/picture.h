#pragma once
// A picture from the image cache filling a rectangle (cropped to fill it, like CSS
// object-fit: cover), with a grey placeholder while it loads or when it cannot be loaded.
#include <string>

#include "app/app_context.h"

namespace cdscb::app::ui {

// Tries `url`, then `fallback` (a smaller variant the offline cache may hold). `decode_width` is
// the widest the texture needs to be. Returns the drawn image's aspect (height / width), or 0.
float picture(AppContext& ctx, const std::string& url, const std::string& fallback, ImVec2 min,
              ImVec2 max, int decode_width, float rounding = 8);

}  // namespace cdscb::app::ui
