#include "app/screens/notifications.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/state/news.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/routes.h"
#include "core/time_text.h"

namespace cdscb::app::screens {

namespace {

constexpr char kFirstPage[] = "/api/v1/notifications?limit=20";

}  // namespace

void Notifications::on_enter(AppContext& ctx) {
  loaded_ = false;
  more_ = {};
  next_cursor_.clear();
  if (ctx.session.user()) list_.start(ctx.api, "GET", kFirstPage);
}

void Notifications::draw(AppContext& ctx) {
  ui::Page page = ui::begin_page(ctx, ctx.t("notifications.title"), /*is_home=*/false);
  const float w = page.column_width;
  if (feedback_ui::take_list(ctx, list_, items_, error_, &next_cursor_)) loaded_ = true;
  nlohmann::json more;
  if (feedback_ui::take_list(ctx, more_, more, error_, &next_cursor_)) {
    for (auto& item : more) items_.push_back(std::move(item));
  }
  if (auto r = mark_.poll(ctx.api)) {
    // Marked here too, so the pages already shown stay as they are.
    if (r->ok()) {
      for (auto& item : items_) {
        const bool all = marking_ == true;
        const bool listed = marking_.is_array() && !marking_.empty() &&
                            marking_.front() == item.value("id", nlohmann::json());
        if (all || listed) item["read"] = true;
      }
    }
    marking_ = nullptr;
    // Read or not, the citizen asked to see the feedback.
    if (open_after_mark_ > 0)
      ctx.nav.go(core::feedback_route(core::FeedbackPage::kDetail, open_after_mark_));
    open_after_mark_ = 0;
  }
  if (!ctx.session.user()) {
    ui::paragraph(ctx, "notifications.login_needed", ctx.t("feedback.login_needed"));
    if (ui::button(ctx, "notifications.login", ctx.t("home.login"), ui::ButtonKind::kPrimary, w))
      ctx.nav.go({core::Screen::kLogin, ""});
    ui::end_page(ctx);
    return;
  }
  if (!loaded_ && !list_.waiting() && error_.empty()) on_enter(ctx);  // the session came back
  if (!error_.empty() && !ctx.connectivity.offline())
    ui::status_banner(ctx, "notifications.error", error_.c_str());
  if (loaded_ && items_.empty())
    ui::paragraph(ctx, "notifications.empty", ctx.t("notifications.empty"), ui::Theme::kMutedText);
  bool any_unread = false;
  for (const auto& item : items_) any_unread |= !item.value("read", true);
  if (any_unread && !mark_.waiting() &&
      ui::button(ctx, "notifications.read_all", ctx.t("notifications.read_all"),
                 ui::ButtonKind::kSecondary, w)) {
    marking_ = true;
    mark_.start(ctx.api, "POST", "/api/v1/notifications/read", R"({"all":true})");
  }
  int i = 0;
  for (const auto& item : items_) {
    const std::string id = "notifications.item." + std::to_string(i++);
    const bool unread = !item.value("read", true);
    const auto at = core::parse_rfc3339(api::str(item, "at"));
    std::string line = at ? core::vietnam_date_time_text(*at) : api::str(item, "at");
    if (unread) line = std::string(ctx.t("notifications.unread")) + " · " + line;
    if (feedback_ui::card(ctx, id.c_str(), api::str(item, "text"), line, unread) &&
        !mark_.waiting()) {
      open_after_mark_ = api::integer(item, "feedback_id");
      marking_ = nlohmann::json::array({item.value("id", nlohmann::json())});
      mark_.start(ctx.api, "POST", "/api/v1/notifications/read",
                  nlohmann::json{{"ids", marking_}}.dump());
    }
  }
  if (!next_cursor_.empty() && !more_.waiting() &&
      ui::button(ctx, "notifications.more", ctx.t("notifications.more"), ui::ButtonKind::kSecondary,
                 w))
    more_.start(ctx.api, "GET",
                std::string(kFirstPage) + "&cursor=" + state::url_encode(next_cursor_));
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
