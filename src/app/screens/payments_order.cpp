#include "app/screens/payments_order.h"

#include <imgui.h>

#include "app/api/json.h"
#include "app/platform/inbox.h"
#include "app/platform/share.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"
#include "core/money.h"
#include "core/routes.h"
#include "core/time_text.h"

namespace cdscb::app::screens {
namespace {

using feedback_ui::member;

// Every 2 s for the first half minute (the gateway's notification usually comes within
// seconds), then every 10 s: a page left open does not keep the server busy.
double poll_interval(double since_first) { return since_first < 30 ? 2 : 10; }

// States the server may still change without the citizen: ask again.
bool is_open(std::string_view status) { return status == "pending" || status == "paid"; }

}  // namespace

void PaymentsOrder::enter(AppContext& ctx, const std::string& code) {
  if (code != code_ || ctx.session.owner() != owner_) {
    code_ = code;
    owner_ = ctx.session.owner();
    order_ = nullptr;
    not_found_ = false;
    share_.clear();
    share_notice_.clear();
    vietqr_.reset();
  }
  error_.clear();
  call_.reset();
  first_asked_ = ImGui::GetTime();
  next_ask_ = -1;
  if (ctx.session.user()) ask(ctx);
}

void PaymentsOrder::ask(AppContext& ctx) {
  next_ask_ = -1;
  call_.start(ctx, "GET", "/api/v1/payments/orders/" + code_);
}

void PaymentsOrder::take_answers(AppContext& ctx) {
  if (auto r = call_.poll(ctx)) {
    const auto body = nlohmann::json::parse(r->body, nullptr, false);
    if (r->ok() && member(body, "order").is_object()) {
      order_ = member(body, "order");
      error_.clear();
    } else if (r->status == 404) {
      not_found_ = true;
      error_ = api::error_of(*r).message;
    } else {
      error_ = call_.error_text(ctx, *r);  // kept asking: the connection may come back
    }
    const bool keep_asking =
        !not_found_ && (!order_.is_object() || is_open(api::str(order_, "status")));
    if (keep_asking) {
      const double wait = poll_interval(ImGui::GetTime() - first_asked_);
      next_ask_ = ImGui::GetTime() + wait;
      platform::request_wake_after(wait);
    }
  }
  if (next_ask_ >= 0 && ImGui::GetTime() >= next_ask_ && !call_.waiting()) ask(ctx);
  if (!share_.empty()) {
    if (auto reply = ctx.replies.take(share_)) {
      share_.clear();
      const std::string result = api::str(nlohmann::json::parse(*reply, nullptr, false), "result");
      share_notice_ = result == "copied"   ? ctx.t("payments.receipt_copied")
                      : result == "failed" ? ctx.t("news.share_failed")
                                           : "";
    }
  }
}

std::vector<std::pair<const char*, std::string>> PaymentsOrder::receipt_lines() const {
  const auto& receipt = member(order_, "receipt");
  return {{"payments.order_code", api::str(order_, "code")},
          {"payments.provider", api::str(order_, "provider_name")},
          {"payments.customer_code", api::str(order_, "customer_code")},
          {"payments.periods", payments_ui::periods_text(member(order_, "bills"))},
          {"payments.amount", core::format_vnd(api::integer(order_, "amount"))},
          {"payments.transaction", api::str(receipt, "gateway_transaction")},
          {"payments.time", payments_ui::time_text(api::str(receipt, "paid_at"))}};
}

void PaymentsOrder::draw_receipt(AppContext& ctx, float width) {
  ui::heading(ctx, "payments.receipt", ctx.t("payments.receipt"), 2);
  // What is shown is what is shared: the same lines, as text.
  std::string text = std::string(ctx.t("payments.receipt")) + "\n";
  for (const auto& [key, value] : receipt_lines()) {
    feedback_ui::fact(ctx, key, ctx.t(key), value);
    if (!value.empty()) text += std::string(ctx.t(key)) + ": " + value + "\n";
  }
  if (ui::button(ctx, "payments.share", ctx.t("payments.share"), ui::ButtonKind::kSecondary,
                 width)) {
    share_notice_.clear();
    share_ = ctx.replies.expect(platform::share::share_text(ctx.t("payments.receipt"), text));
  }
  if (!share_notice_.empty())
    ui::status_banner(ctx, "payments.share_notice", share_notice_.c_str());
}

void PaymentsOrder::draw_unpaid(AppContext& ctx, float width) {
  ui::paragraph(ctx, "payments.still_unpaid", ctx.t("payments.still_unpaid"));
  int i = 0;
  for (const auto& bill : member(order_, "bills")) {
    const std::string id = "payments.unpaid." + std::to_string(i++);
    const std::string text = std::string(ctx.t("payments.period")) + " " +
                             payments_ui::period_text(api::str(bill, "period")) + " · " +
                             core::format_vnd(api::integer(bill, "amount"));
    ui::paragraph(ctx, id.c_str(), text.c_str());
  }
  if (ui::button(ctx, "payments.lookup_again", ctx.t("payments.lookup_again"),
                 ui::ButtonKind::kPrimary, width))
    ctx.nav.go(core::payments_route(core::PaymentsPage::kLookup, api::str(order_, "provider")));
}

void PaymentsOrder::draw(AppContext& ctx, float width) {
  if (ctx.session.owner() != owner_) enter(ctx, code_);
  if (!payments_ui::require_account(ctx)) return;
  // Entered before the session was known (back from the gateway, the page just loaded).
  if (!order_.is_object() && !not_found_ && !call_.waiting() && next_ask_ < 0 && error_.empty())
    ask(ctx);
  take_answers(ctx);
  if (!error_.empty()) ui::status_banner(ctx, "payments.order_error", error_.c_str());
  if (!order_.is_object()) {
    if (!not_found_)
      ui::paragraph(ctx, "payments.order_loading", ctx.t("common.loading"), ui::Theme::kMutedText);
    return;
  }
  const std::string status = api::str(order_, "status");
  if (status == "pending" && api::str(order_, "method") == "vietqr") {
    vietqr_.draw(ctx, order_, width);
    feedback_ui::fact(ctx, "payments.provider", ctx.t("payments.provider"),
                      api::str(order_, "provider_name"));
    return;
  }
  if (status == "delivered") {
    ui::heading(ctx, "payments.result", ctx.t("payments.success"), 2);
    draw_receipt(ctx, width);
    return;
  }
  if (status == "pending") {
    ui::heading(ctx, "payments.result", ctx.t("payments.confirming"), 2);
    ui::paragraph(ctx, "payments.result_note", ctx.t("payments.confirming_note"),
                  ui::Theme::kMutedText);
  } else if (status == "paid") {
    ui::heading(ctx, "payments.result", ctx.t("payments.received"), 2);
    ui::paragraph(ctx, "payments.result_note", ctx.t("payments.received_note"),
                  ui::Theme::kMutedText);
  } else if (status == "failed" || status == "expired") {
    ui::heading(ctx, "payments.result",
                ctx.t(status == "failed" ? "payments.failed" : "payments.expired"), 2);
    draw_unpaid(ctx, width);
  } else {
    ui::heading(ctx, "payments.result", payments_ui::status_label(ctx, status), 2);
  }
  feedback_ui::fact(ctx, "payments.order_code", ctx.t("payments.order_code"),
                    api::str(order_, "code"));
  feedback_ui::fact(ctx, "payments.provider", ctx.t("payments.provider"),
                    api::str(order_, "provider_name"));
  feedback_ui::fact(ctx, "payments.amount", ctx.t("payments.amount"),
                    core::format_vnd(api::integer(order_, "amount")));
}

}  // namespace cdscb::app::screens
