#pragma once
#include "app/screens/screen.h"

namespace cdscb::app::screens {

// Display settings: language and larger text.
class Settings : public Screen {
 public:
  void draw(AppContext& ctx) override;
};

}  // namespace cdscb::app::screens
