#pragma once
// The frame of every screen: a header bar (the app's name and account button on home, a back
// button and the screen's title elsewhere) over a scrolling content column that is centred and
// limited in width on a desktop.
#include "app/app_context.h"

namespace cdscb::app::ui {

struct Page {
  float column_width = 0;  // usable width of the content column
};

Page begin_page(AppContext& ctx, const char* title, bool is_home);
void end_page(AppContext& ctx);

}  // namespace cdscb::app::ui
