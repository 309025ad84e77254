#pragma once
// Which screen is shown. The browser owns the history (pushState, back button); the app mirrors
// it: go() pushes a route, back() asks the platform to go back, and route_changed() follows the
// browser when the user presses its back/forward buttons or opens a deep link.
#include <functional>
#include <string>
#include <vector>

#include "core/routes.h"

namespace cdscb::app::state {

class Navigation {
 public:
  struct Hooks {
    std::function<void(const std::string& hash)> push;     // history.pushState
    std::function<void()> back;                            // history.back
    std::function<void(const std::string& hash)> replace;  // history.replaceState
  };

  explicit Navigation(Hooks hooks) : hooks_(std::move(hooks)) {}

  const core::Route& current() const { return current_; }
  void go(core::Route route);
  void back();
  // Shows another screen in place of this one (after login: no way "back" into the form).
  void replace(core::Route route);
  // The browser's location changed (popstate, hashchange or the first load).
  void route_changed(const std::string& hash);
  bool can_go_back() const { return !stack_.empty(); }

 private:
  Hooks hooks_;
  core::Route current_;
  bool started_ = false;
  std::vector<core::Route> stack_;  // routes under the current one, for the in-app back button
};

}  // namespace cdscb::app::state
