#pragma once
// Drag-to-scroll with inertia for touch screens. A press that moves more than a few pixels becomes
// a scroll, and the widget under the finger no longer sees the pointer, so scrolling never
// activates a tile or button. Desktop wheels keep working through ImGui itself.
#include <imgui.h>

namespace cdscb::app::ui {

class TouchScroller {
 public:
  // Call after the platform backend's NewFrame and before ImGui::NewFrame.
  void before_new_frame(ImGuiIO& io);
  // Call inside the scrolling window, right after it begins.
  void apply_to_current_window();
  bool animating() const { return velocity_ != 0.0f || pending_ != 0.0f; }
  // Pull to refresh: how far the content is pulled down past its top (px), and whether a pull
  // far enough was released this frame.
  float pull() const { return pull_; }
  bool pull_released() const { return pull_released_; }
  static constexpr float kPullToRefresh = 72.0f;

 private:
  static constexpr float kDragThreshold = 8.0f;  // CSS px before a press becomes a scroll
  bool down_ = false;
  bool dragging_ = false;
  ImVec2 press_pos_;
  float last_y_ = 0;
  float pending_ = 0;   // scroll distance to apply this frame
  float velocity_ = 0;  // px/s, for inertia after release
  float dt_ = 1.0f / 60;
  float pull_ = 0;
  bool pull_released_ = false;
};

}  // namespace cdscb::app::ui
