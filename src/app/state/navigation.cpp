#include "app/state/navigation.h"

namespace state {

void Navigation::go(core::Route route) {
  if (route == current_) return;
  stack_.push_back(current_);
  current_ = std::move(route);
  if (hooks_.push) hooks_.push(core::route_hash(current_));
}

void Navigation::back() {
  if (hooks_.back) {
    hooks_.back();  // the browser answers with route_changed()
  } else if (!stack_.empty()) {
    current_ = stack_.back();
    stack_.pop_back();
  }
}

void Navigation::route_changed(const std::string& hash) {
  core::Route route = core::parse_route(hash);
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

}  // namespace state
