#include "app/screens/feedback_queue.h"

#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void FeedbackQueue::enter(AppContext& ctx) {
  if (!list_.waiting()) list_.start(ctx.api, "GET", "/api/v1/officer/feedback?limit=50");
}

void FeedbackQueue::draw(AppContext& ctx, float) {
  if (feedback_ui::take_feedback_list(ctx, list_, items_, error_)) loaded_ = true;
  if (!error_.empty()) ui::status_banner(ctx, "feedback.queue_error", error_.c_str());
  if (loaded_ && items_.empty())
    ui::paragraph(ctx, "feedback.queue_empty", ctx.t("feedback.queue_empty"),
                  ui::Theme::kMutedText);
  int i = 0;
  for (const auto& item : items_) {
    const std::string id = "feedback.queue." + std::to_string(i++);
    const bool overdue = item.overdue;
    std::string line = item.status_label + " · " + feedback_ui::local_time(item.created_at);
    if (overdue) line = std::string(ctx.t("feedback.overdue")) + " · " + line;
    if (feedback_ui::card(ctx, id.c_str(), item.title, line, overdue))
      ctx.nav.go(core::feedback_route(core::FeedbackPage::kDetail, item.id));
  }
}

}  // namespace cdscb::app::screens
