#include "app/screens/feedback_mine.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/state/feedback_form.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void FeedbackMine::enter(AppContext& ctx) {
  if (!ctx.session.user() || list_.waiting()) return;
  owner_ = ctx.session.owner();
  seen_sent_ = ctx.outbox.sent_count();
  list_.start(ctx.api, "GET", "/api/v1/feedback/mine?limit=50");
}

std::optional<std::string> FeedbackMine::draw(AppContext& ctx, float width) {
  const std::string& owner = ctx.session.owner();
  if (owner != owner_) {
    owner_ = owner;
    list_ = {};  // its answer, if it comes, is the other account's
    items_.clear();
    error_.clear();
    loaded_ = false;
  }
  if (feedback_ui::take_feedback_list(ctx, list_, items_, error_)) loaded_ = true;
  // Something left the outbox (or the session came back): the list changed on the server.
  if (ctx.outbox.sent_count() != seen_sent_ || (!loaded_ && !list_.waiting() && error_.empty()))
    enter(ctx);
  // What waits in the outbox shows even offline, before the server says who is signed in; what
  // the server refused comes first, with its reason, until the citizen fixes it.
  std::optional<std::string> fix;
  int i = 0;
  const auto refused = ctx.outbox.refused(owner, state::kFeedbackKind);
  const auto waiting = ctx.outbox.waiting(owner, state::kFeedbackKind);
  for (const auto* item : refused) {
    const std::string id = "feedback.refused." + std::to_string(i++);
    const std::string line = std::string(ctx.t("feedback.refused_line")) + ": " + item->summary();
    if (feedback_ui::card(ctx, id.c_str(), api::str(item->item.form, "title"), line,
                          /*alert=*/true))
      fix = item->item.key;
  }
  i = 0;
  for (const auto* item : waiting) {
    const std::string id = "feedback.waiting." + std::to_string(i++);
    feedback_ui::card(ctx, id.c_str(), api::str(item->form, "title"), ctx.t("feedback.waiting"));
    if (!item->held_back.empty())
      ui::paragraph(ctx, (id + ".held").c_str(), item->held_back.c_str(), ui::Theme::kError);
  }
  if (!ctx.session.user()) {
    if (ctx.connectivity.offline()) return fix;
    ui::paragraph(ctx, "feedback.login_needed", ctx.t("feedback.login_needed"));
    if (ui::button(ctx, "feedback.login", ctx.t("home.login"), ui::ButtonKind::kPrimary, width))
      ctx.nav.go({core::Screen::kLogin, ""});
    return fix;
  }
  // Offline, the page already says so.
  if (!error_.empty() && !ctx.connectivity.offline())
    ui::status_banner(ctx, "feedback.mine_error", error_.c_str());
  if (loaded_ && items_.empty() && waiting.empty() && refused.empty())
    ui::paragraph(ctx, "feedback.mine_empty", ctx.t("feedback.mine_empty"), ui::Theme::kMutedText);
  i = 0;
  for (const auto& item : items_) {
    const std::string id = "feedback.mine." + std::to_string(i++);
    std::string line = item.status_label + " · " + feedback_ui::local_time(item.created_at);
    if (feedback_ui::card(ctx, id.c_str(), item.title, line))
      ctx.nav.go(core::feedback_route(core::FeedbackPage::kDetail, item.id));
  }
  return fix;
}

}  // namespace cdscb::app::screens
