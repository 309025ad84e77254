#include "app/ui/overlays.h"

#include <imgui.h>

#include <algorithm>

namespace cdscb::app::ui {

namespace {

// Reserves the rectangle, fills it with `background` (seen while the element loads) and says
// where it is and which part of it is visible.
platform::OverlayPlacement reserve(float height, ImU32 background) {
  ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, height));
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(min, max, background, 8);
  ImVec2 cmin = d->GetClipRectMin(), cmax = d->GetClipRectMax();
  platform::OverlayPlacement p;
  p.rect = {min.x, min.y, max.x - min.x, max.y - min.y};
  const float x0 = std::max(min.x, cmin.x), y0 = std::max(min.y, cmin.y);
  const float x1 = std::min(max.x, cmax.x), y1 = std::min(max.y, cmax.y);
  p.clip = {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
  p.visible = p.clip.w > 0 && p.clip.h > 0;
  return p;
}

}  // namespace

void Overlays::begin_frame() {
  for (auto& [id, entry] : maps_) entry.reserved = false;
  for (auto& [id, entry] : videos_) entry.reserved = false;
}

void Overlays::map(const char* id, float height, const platform::map::View& view) {
  const platform::OverlayPlacement p = reserve(height, IM_COL32(224, 228, 232, 255));
  Entry& entry = maps_[id];
  entry.reserved = true;
  if (!entry.shown || !(entry.placement == p) || !(entry.view == view)) {
    entry.placement = p;
    entry.view = view;
    entry.shown = true;
    platform::map::place(id, p, view);
  }
}

void Overlays::video(const char* id, float height, const std::string& url,
                     const platform::video::Options& options) {
  const platform::OverlayPlacement p = reserve(height, IM_COL32(0, 0, 0, 255));
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
    return;  // end_frame hides it
  VideoEntry& entry = videos_[id];
  entry.reserved = true;
  if (!entry.shown || !(entry.placement == p) || entry.url != url || !(entry.options == options)) {
    entry.placement = p;
    entry.url = url;
    entry.options = options;
    entry.shown = true;
    platform::video::place(id, p, url, options);
  }
}

void Overlays::end_frame() {
  for (auto& [id, entry] : videos_) {
    if (!entry.reserved && entry.shown) {
      platform::video::hide(id);
      entry.shown = false;
    }
  }
  for (auto& [id, entry] : maps_) {
    if (!entry.reserved && entry.shown) {
      platform::map::hide(id);
      entry.shown = false;
    }
  }
}

}  // namespace cdscb::app::ui
