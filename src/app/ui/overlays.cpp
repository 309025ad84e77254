#include "app/ui/overlays.h"

#include <imgui.h>

#include <algorithm>

namespace cdscb::app::ui {

void Overlays::begin_frame() {
  for (auto& [id, entry] : maps_) entry.reserved = false;
}

void Overlays::map(const char* id, float height, const platform::map::View& view) {
  ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, height));
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(min, max, IM_COL32(224, 228, 232, 255), 8);  // seen while tiles load
  ImVec2 cmin = d->GetClipRectMin(), cmax = d->GetClipRectMax();
  platform::OverlayPlacement p;
  p.rect = {min.x, min.y, max.x - min.x, max.y - min.y};
  const float x0 = std::max(min.x, cmin.x), y0 = std::max(min.y, cmin.y);
  const float x1 = std::min(max.x, cmax.x), y1 = std::min(max.y, cmax.y);
  p.clip = {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
  p.visible = p.clip.w > 0 && p.clip.h > 0;
  Entry& entry = maps_[id];
  entry.reserved = true;
  if (!entry.shown || !(entry.placement == p) || !(entry.view == view)) {
    entry.placement = p;
    entry.view = view;
    entry.shown = true;
    platform::map::place(id, p, view);
  }
}

void Overlays::end_frame() {
  for (auto& [id, entry] : maps_) {
    if (!entry.reserved && entry.shown) {
      platform::map::hide(id);
      entry.shown = false;
    }
  }
}

}  // namespace cdscb::app::ui
