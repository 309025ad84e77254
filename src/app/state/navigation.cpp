#include "app/state/navigation.h"

namespace cdscb::app::state {

void Navigation::go(core::Route route) {
  started_ = true;
  if (route == current_) return;
  stack_.push_back(current_);
  current_ = std::move(route);
  if (hooks_.push) hooks_.push(core::route_hash(current_));
}

void Navigation::replace(core::Route route) {
  started_ = true;
  current_ = std::move(route);
  if (hooks_.replace) hooks_.replace(core::route_hash(current_));
}

void Navigation::back() {
  if (stack_.empty()) {
    // Opened by a deep link: "back" inside the app goes home rather than out of the app.
    if (current_ == core::Route{}) return;
    current_ = {};
    if (hooks_.replace) hooks_.replace(core::route_hash(current_));
  } else if (hooks_.back) {
    hooks_.back();  // the browser answers with route_changed()
  } else if (!stack_.empty()) {
    current_ = stack_.back();
    stack_.pop_back();
  }
}

void Navigation::route_changed(const std::string& hash) {
  core::Route route = core::parse_route(hash);
  if (!started_) {
    // The first location is where the app was opened (a deep link has nothing under it).
    started_ = true;
    current_ = std::move(route);
    return;
  }
  if (route == current_) return;
  if (!stack_.empty() && stack_.back() == route) {
    stack_.pop_back();
  } else if (route.screen == core::Screen::kHome) {
    stack_.clear();
  } else {
    stack_.push_back(current_);
  }
  current_ = std::move(route);
}

}  // namespace cdscb::app::state
