#include "app/screens/feedback.h"

#include "app/state/feedback_form.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

bool is_official(const AppContext& ctx) {
  const auto& user = ctx.session.user();
  return user && user->official();
}

const char* title_key(core::FeedbackPage page) {
  switch (page) {
    case core::FeedbackPage::kCreate:
      return "feedback.create";
    case core::FeedbackPage::kMine:
      return "feedback.mine";
    case core::FeedbackPage::kQueue:
      return "feedback.queue";
    case core::FeedbackPage::kDetail:
      return "feedback.detail";
    case core::FeedbackPage::kPublic:
      return "feedback.public";
    case core::FeedbackPage::kMenu:
      break;
  }
  return "tile.feedback";
}

}  // namespace

void Feedback::on_enter(AppContext& ctx) {
  entered_param_ = "\x01";
  enter_page(ctx);
}

void Feedback::enter_page(AppContext& ctx) {
  const std::string& param = ctx.nav.current().param;
  if (param == entered_param_) return;
  entered_param_ = param;
  view_ = core::feedback_view(param);
  switch (view_.page) {
    case core::FeedbackPage::kCreate:
      create_.enter(ctx);
      break;
    case core::FeedbackPage::kMine:
      mine_.enter(ctx);
      following_.enter(ctx);
      break;
    case core::FeedbackPage::kQueue:
      queue_.enter(ctx);
      break;
    case core::FeedbackPage::kDetail:
      detail_.enter(ctx, view_.id);
      break;
    case core::FeedbackPage::kPublic:
      public_.enter(ctx);
      break;
    case core::FeedbackPage::kMenu:
      break;
  }
}

void Feedback::draw(AppContext& ctx) {
  enter_page(ctx);  // the route's parameter changes without leaving the screen
  ui::Page page = ui::begin_page(ctx, ctx.t(title_key(view_.page)), /*is_home=*/false);
  const float w = page.column_width;
  switch (view_.page) {
    case core::FeedbackPage::kCreate:
      create_.draw(ctx, w);
      break;
    case core::FeedbackPage::kMine:
      if (auto key = mine_.draw(ctx, w)) {
        create_.open_refused(ctx, *key);
        ctx.nav.go(core::feedback_route(core::FeedbackPage::kCreate));
      }
      following_.draw(ctx, w);
      break;
    case core::FeedbackPage::kQueue:
      queue_.draw(ctx, w);
      break;
    case core::FeedbackPage::kDetail:
      detail_.draw(ctx, w);
      break;
    case core::FeedbackPage::kPublic:
      public_.draw(ctx, w);
      break;
    case core::FeedbackPage::kMenu:
      ui::paragraph(ctx, "feedback.intro", ctx.t("feedback.intro"), ui::Theme::kMutedText);
      if (ui::button(ctx, "feedback.create", ctx.t("feedback.create"), ui::ButtonKind::kPrimary, w))
        ctx.nav.go(core::feedback_route(core::FeedbackPage::kCreate));
      if (ui::button(ctx, "feedback.mine", ctx.t("feedback.mine"), ui::ButtonKind::kSecondary, w))
        ctx.nav.go(core::feedback_route(core::FeedbackPage::kMine));
      if (ui::button(ctx, "feedback.public", ctx.t("feedback.public"), ui::ButtonKind::kSecondary,
                     w))
        ctx.nav.go(core::feedback_route(core::FeedbackPage::kPublic));
      if (!ctx.outbox.waiting(ctx.session.owner(), state::kFeedbackKind).empty())
        ui::status_banner(ctx, "feedback.menu_waiting", ctx.t("feedback.menu_waiting"));
      if (!ctx.outbox.refused(ctx.session.owner(), state::kFeedbackKind).empty())
        ui::status_banner(ctx, "feedback.menu_refused", ctx.t("feedback.menu_refused"));
      if (is_official(ctx) &&
          ui::button(ctx, "feedback.queue", ctx.t("feedback.queue"), ui::ButtonKind::kSecondary, w))
        ctx.nav.go(core::feedback_route(core::FeedbackPage::kQueue));
      break;
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
