#include "app/ui/scroller.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace cdscb::app::ui {

void TouchScroller::before_new_frame(ImGuiIO& io) {
  dt_ = io.DeltaTime;
  pull_released_ = false;
  const bool down = io.MouseDown[0];
  const ImVec2 pos = io.MousePos;
  if (down && !down_) {
    press_pos_ = pos;
    last_y_ = pos.y;
    dragging_ = false;
    velocity_ = 0;
    pull_ = 0;
  } else if (down && down_) {
    if (!dragging_ && std::fabs(pos.y - press_pos_.y) > kDragThreshold) dragging_ = true;
    if (dragging_) {
      const float dy = last_y_ - pos.y;
      pending_ += dy;
      if (dt_ > 0) velocity_ = 0.7f * velocity_ + 0.3f * (dy / dt_);
      last_y_ = pos.y;
    }
  } else if (!down && down_ && !dragging_) {
    velocity_ = 0;
  }
  down_ = down;
  // While scrolling, the pointer is nowhere: the pressed widget sees it leave and will not fire.
  if (dragging_) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  if (!down && dragging_) {
    dragging_ = false;
    pull_released_ = pull_ >= kPullToRefresh;
    pull_ = 0;
  }
}

void TouchScroller::apply_to_current_window() {
  if (!down_ && velocity_ != 0.0f) {
    pending_ += velocity_ * dt_;
    velocity_ *= std::exp(-4.0f * dt_);
    if (std::fabs(velocity_) < 20.0f) velocity_ = 0;
  }
  if (pending_ == 0.0f) return;
  float target = ImGui::GetScrollY() + pending_;
  const float max = ImGui::GetScrollMaxY();
  if (dragging_)
    pull_ = target < 0 ? pull_ - target : std::max(0.0f, pull_ - std::max(0.0f, pending_));
  if (target < 0 || target > max) velocity_ = 0;
  ImGui::SetScrollY(target < 0 ? 0 : target > max ? max : target);
  pending_ = 0;
}

}  // namespace cdscb::app::ui
