#include "app/ui/picture.h"

#include <algorithm>

namespace cdscb::app::ui {
namespace {

void placeholder(ImDrawList* d, ImVec2 min, ImVec2 max, float rounding) {
  d->AddRectFilled(min, max, IM_COL32(226, 229, 235, 255), rounding);
  // A small landscape: a sun and a mountain, so it reads as "a picture goes here".
  const float s = std::min(max.x - min.x, max.y - min.y) * 0.18f;
  const ImVec2 c((min.x + max.x) / 2, (min.y + max.y) / 2);
  const ImU32 col = IM_COL32(180, 186, 196, 255);
  d->AddTriangleFilled(ImVec2(c.x - s * 1.6f, c.y + s), ImVec2(c.x - s * 0.3f, c.y - s * 0.6f),
                       ImVec2(c.x + s * 1.0f, c.y + s), col);
  d->AddCircleFilled(ImVec2(c.x + s * 0.9f, c.y - s * 0.6f), s * 0.35f, col);
}

}  // namespace

float picture(AppContext& ctx, const std::string& url, const std::string& fallback, ImVec2 min,
              ImVec2 max, int decode_width, float rounding) {
  ImDrawList* d = ImGui::GetWindowDrawList();
  // Off screen: nothing to load or draw (long lists load only what is seen).
  if (!ImGui::IsRectVisible(min, max)) return 0;
  ImageCache::State state;
  const ImageCache::Image* image = ctx.images.get(url, decode_width, &state);
  if (!image && state == ImageCache::State::kFailed && !fallback.empty() && fallback != url)
    image = ctx.images.get(fallback, decode_width);
  if (!image || image->width <= 0 || image->height <= 0) {
    placeholder(d, min, max, rounding);
    return 0;
  }
  // Crop the texture to the rectangle's shape, keeping its centre.
  const float box_aspect = (max.y - min.y) / std::max(1.0f, max.x - min.x);
  const float img_aspect = float(image->height) / float(image->width);
  ImVec2 uv0(0, 0), uv1(1, 1);
  if (img_aspect > box_aspect) {
    const float keep = box_aspect / img_aspect;
    uv0.y = (1 - keep) / 2;
    uv1.y = 1 - uv0.y;
  } else {
    const float keep = img_aspect / box_aspect;
    uv0.x = (1 - keep) / 2;
    uv1.x = 1 - uv0.x;
  }
  d->AddImageRounded(image->texture, min, max, uv0, uv1, IM_COL32_WHITE, rounding);
  return img_aspect;
}

}  // namespace cdscb::app::ui
