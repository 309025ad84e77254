#pragma once
// One article in a news list: thumbnail, title, category and date, and the summary, as a card
// that opens the article. Mirrored as a link to the article's route.
#include <string>

#include "app/app_context.h"
#include "app/state/news.h"

namespace cdscb::app::ui {

// `status` (e.g. "Bản nháp") is shown in place of the date when not empty. Returns true when
// tapped.
bool news_card(AppContext& ctx, const state::ArticleSummary& article, float width,
               const char* status = nullptr);

}  // namespace cdscb::app::ui
