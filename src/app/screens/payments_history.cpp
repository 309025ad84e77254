#include "app/screens/payments_history.h"

#include "app/api/json.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"
#include "core/money.h"
#include "core/routes.h"

namespace cdscb::app::screens {
namespace {

constexpr int kPageSize = 20;

std::string page_path(const std::string& cursor) {
  std::string path = "/api/v1/payments/orders?limit=" + std::to_string(kPageSize);
  if (!cursor.empty()) path += "&cursor=" + cursor;  // "o<id>": nothing to encode
  return path;
}

}  // namespace

void PaymentsHistory::enter(AppContext& ctx) {
  owner_ = ctx.session.owner();
  items_ = nlohmann::json::array();
  next_cursor_.clear();
  error_.clear();
  loaded_ = false;
  from_cache_ = false;
  more_.reset();
  list_.reset();
  cache_.open(owner_, ctx.replies);
  if (ctx.session.user()) list_.start(ctx, "GET", page_path(""));
}

void PaymentsHistory::draw(AppContext& ctx, float width) {
  if (ctx.session.owner() != owner_ ||
      (ctx.session.user() && !loaded_ && !list_.waiting() && error_.empty()))
    enter(ctx);  // another account's list is never shown
  if (!payments_ui::require_account(ctx)) return;
  const auto take = [&](payments_ui::TimedCall& call, bool append) {
    auto r = call.poll(ctx);
    if (!r) return;
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (!r->ok() || !body.is_object()) {
      error_ = call.error_text(ctx, *r);
      return;
    }
    if (!append) {
      items_ = nlohmann::json::array();
      cache_.keep(owner_, r->body);
      from_cache_ = false;
    }
    for (const auto& item : feedback_ui::member(body, "items")) items_.push_back(item);
    next_cursor_ = api::str(body, "next_cursor");
    loaded_ = true;
    error_.clear();
  };
  take(list_, false);
  take(more_, true);
  if (auto kept = cache_.take(ctx.replies); kept && !loaded_) {
    const auto body = nlohmann::json::parse(*kept, nullptr, false);
    if (feedback_ui::member(body, "items").is_array()) {
      items_ = feedback_ui::member(body, "items");
      loaded_ = from_cache_ = true;  // no "Xem thêm" from the copy: the server pages it
    }
  }
  if (!error_.empty() && payments_ui::error_with_retry(
                             ctx, "payments.history_error",
                             from_cache_ ? ctx.t("payments.offline_copy") : error_, true, width)) {
    error_.clear();
    if (loaded_ && !from_cache_)
      more_.start(ctx, "GET", page_path(next_cursor_));
    else
      list_.start(ctx, "GET", page_path(""));
  }
  if (!loaded_) {
    if (list_.waiting())
      ui::paragraph(ctx, "payments.history_loading", ctx.t("common.loading"),
                    ui::Theme::kMutedText);
    return;
  }
  if (items_.empty())
    ui::paragraph(ctx, "payments.history_empty", ctx.t("payments.history_empty"),
                  ui::Theme::kMutedText);
  int i = 0;
  for (const auto& order : items_) {
    const std::string id = "payments.order." + std::to_string(i++);
    const std::string title =
        api::str(order, "provider_name") + " · " + core::format_vnd(api::integer(order, "amount"));
    const std::string line =
        std::string(payments_ui::status_label(ctx, api::str(order, "status"))) + " · " +
        payments_ui::time_text(api::str(order, "created_at"));
    if (feedback_ui::card(ctx, id.c_str(), title, line))
      ctx.nav.go(core::payments_route(core::PaymentsPage::kOrder, api::str(order, "code")));
  }
  if (more_.waiting()) {
    ui::paragraph(ctx, "payments.history_more_loading", ctx.t("common.loading"),
                  ui::Theme::kMutedText);
  } else if (!next_cursor_.empty() &&
             ui::button(ctx, "payments.history_more", ctx.t("payments.more"),
                        ui::ButtonKind::kSecondary, width)) {
    more_.start(ctx, "GET", page_path(next_cursor_));
  }
}

}  // namespace cdscb::app::screens
