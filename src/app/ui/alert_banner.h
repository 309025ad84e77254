#pragma once
// An urgent notice at the top of the home screen: a coloured band with the kind's icon and the
// title; tapped, it opens to show the text (and the way to the article, when there is one).
#include "app/app_context.h"
#include "app/state/alerts.h"

namespace cdscb::app::ui {

// Returns true when the banner itself was tapped (to open or close it).
bool alert_banner(AppContext& ctx, const state::Alert& alert, float width, bool expanded);

}  // namespace cdscb::app::ui
