#pragma once
// Display settings the citizen chooses; kept in the browser's storage between visits.
#include <string>

namespace cdscb::app::state {

struct Settings {
  std::string language = "vi";
  bool large_text = false;

  float text_scale() const { return large_text ? 1.25f : 1.0f; }
};

}  // namespace cdscb::app::state
