#include "app/screens/feedback_following.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"
#include "core/routes.h"

namespace cdscb::app::screens {

void FeedbackFollowing::enter(AppContext& ctx) {
  if (!ctx.session.user() || list_.waiting()) return;
  list_.start(ctx.api, "GET", "/api/v1/feedback/following?limit=50");
}

void FeedbackFollowing::draw(AppContext& ctx, float width) {
  feedback_ui::take_listed_feedback(ctx, list_, items_, error_);
  if (auto r = unfollow_.poll(ctx.api)) {
    if (r->ok()) {
      enter(ctx);
    } else {
      error_ = api::error_of(*r).message;
    }
  }
  if (!ctx.session.user() || items_.empty()) return;
  ui::heading(ctx, "feedback.following", ctx.t("feedback.following"), 2);
  if (!error_.empty() && !ctx.connectivity.offline())
    ui::status_banner(ctx, "feedback.following_error", error_.c_str());
  int i = 0;
  for (const auto& item : items_) {
    const std::string id = "feedback.following." + std::to_string(i++);
    const std::string name = feedback_ui::list_name(ctx, item);
    const bool reduced = !item.record;
    if (feedback_ui::card(ctx, id.c_str(), name, item.status_label()) && !reduced)
      ctx.nav.go(core::feedback_route(core::FeedbackPage::kDetail, item.record->id));
    if (reduced) {
      const std::string changes = feedback_ui::status_changes(item.follower);
      ui::paragraph(ctx, (id + ".updates").c_str(), changes.c_str(), ui::Theme::kMutedText);
    }
    const std::string label = std::string(ctx.t("feedback.unfollow")) + ": " + name;
    if (ui::button(ctx, (id + ".unfollow").c_str(), ctx.t("feedback.unfollow"), label,
                   ui::ButtonKind::kSecondary, width) &&
        !unfollow_.waiting()) {
      const std::string path =
          reduced ? "/api/v1/feedback/following/" + item.follower.follow_token
                  : "/api/v1/feedback/" + std::to_string(item.record->id) + "/follow";
      unfollow_.start(ctx.api, "DELETE", path);
    }
  }
}

}  // namespace cdscb::app::screens
