#pragma once
// A screen: its own widget state and a draw function. All screens are listed in registry.cpp.
#include "app/app_context.h"

namespace cdscb::app::screens {

class Screen {
 public:
  virtual ~Screen() = default;
  virtual void draw(AppContext& ctx) = 0;
  // Called when the screen becomes the one shown (to load what it shows).
  virtual void on_enter(AppContext&) {}
};

}  // namespace cdscb::app::screens
