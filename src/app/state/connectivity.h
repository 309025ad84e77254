#pragma once
// Whether the server answers. Checked at start, when the browser reports the network coming or
// going, when the citizen moves between screens while it is down, and every 15 s while it is down
// (App::recheck_connectivity); screens show a notice.
#include "app/api/client.h"

namespace cdscb::app::state {

class Connectivity {
 public:
  void check(api::Client& api);
  // Takes the answer to the last check if it arrived; returns true when the state changed.
  bool update(api::Client& api);
  bool offline() const { return offline_; }

 private:
  api::Call health_;
  bool offline_ = false;
};

}  // namespace cdscb::app::state
