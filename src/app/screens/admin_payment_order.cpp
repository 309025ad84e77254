#include "app/screens/admin_payment_order.h"

#include <imgui.h>

#include "app/api/json.h"
#include "app/screens/account_shared.h"
#include "app/screens/admin_payments_ui.h"
#include "app/screens/feedback_ui.h"
#include "app/screens/payments_ui.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/money.h"

namespace cdscb::app::screens {
namespace {

using admin_payments_ui::label_or;
using feedback_ui::fact;

// A partner's message exactly as it came, in a framed block that wraps long lines (a query
// string or JSON has few spaces); the page scrolls through it.
void verbatim_block(AppContext& ctx, const std::string& id, const std::string& text) {
  const float width = ImGui::GetContentRegionAvail().x;
  const ImVec2 pad(10, 8);
  const char* begin = text.c_str();
  const char* end = begin + text.size();
  const float text_h = ImGui::CalcTextSize(begin, end, false, width - pad.x * 2).y;
  ImGui::Dummy(ImVec2(width, text_h + pad.y * 2));
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* d = ImGui::GetWindowDrawList();
  d->AddRectFilled(min, max, IM_COL32(245, 245, 245, 255), 6);
  d->AddRect(min, max, IM_COL32(200, 200, 200, 255), 6);
  d->AddText(nullptr, 0, ImVec2(min.x + pad.x, min.y + pad.y), ui::Theme::kText, begin, end,
             width - pad.x * 2);
  ui::mirror_last_item(ctx, {.id = id, .role = ui::Role::kText, .name = text});
}

bool refundable(const nlohmann::json& order) {
  const std::string status = api::str(order, "status");
  return status == "paid" || status == "delivered";
}

}  // namespace

void AdminPaymentOrder::on_enter(AppContext& ctx) {
  code_ = ctx.nav.current().param;
  order_ = nlohmann::json();
  messages_ = nlohmann::json::array();
  loaded_ = false;
  error_ = refund_error_ = {};
  confirming_ = false;
  reason_.clear();
  notice_.clear();
  if (ctx.session.user() && ctx.session.user()->admin()) load(ctx);
}

void AdminPaymentOrder::load(AppContext& ctx) {
  if (!show_.waiting()) show_.start(ctx.api, "GET", "/api/v1/admin/payments/orders/" + code_);
}

void AdminPaymentOrder::take_answers(AppContext& ctx) {
  if (auto answer = show_.poll(ctx.api)) {
    loaded_ = true;
    const auto body = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
    if (!answer->ok() || !body.is_object()) {
      error_ = api::error_of(*answer);
    } else {
      error_ = {};
      order_ = feedback_ui::member(body, "order");
      messages_ = feedback_ui::member(body, "messages");
    }
  }
  if (auto answer = refund_.poll(ctx.api)) {
    if (!answer->ok()) {
      refund_error_ = api::error_of(*answer);
    } else {
      confirming_ = false;
      reason_.clear();
      notice_ = ctx.t("admin.payments.refunded");
      load(ctx);  // the refund's record joins the history
    }
  }
}

void AdminPaymentOrder::draw_order(AppContext& ctx, float width) {
  ui::heading(ctx, "admin.payment.code", api::str(order_, "code").c_str(), 2);
  fact(ctx, "admin.payment.status", ctx.t("admin.payments.status"),
       payments_ui::status_label(ctx, api::str(order_, "status")));
  fact(ctx, "admin.payment.delivery", ctx.t("admin.payments.delivery"),
       admin_payments_ui::delivery_label(ctx, order_));
  fact(ctx, "admin.payment.problem", ctx.t("admin.payments.problem"),
       api::str(order_, "delivery_problem"));
  fact(ctx, "admin.payment.amount", ctx.t("payments.amount"),
       core::format_vnd(api::integer(order_, "amount")));
  fact(ctx, "admin.payment.provider", ctx.t("payments.provider"),
       api::str(order_, "provider_name") + " (" +
           payments_ui::service_label(ctx, api::str(order_, "service")) + ")");
  fact(ctx, "admin.payment.customer", ctx.t("admin.payments.customer"),
       admin_payments_ui::customer_text(order_));
  fact(ctx, "admin.payment.method", ctx.t("admin.payments.method"),
       admin_payments_ui::method_label(ctx, order_.value("method", nlohmann::json())));
  const auto& receipt = feedback_ui::member(order_, "receipt");
  fact(ctx, "admin.payment.transaction", ctx.t("payments.transaction"),
       api::str(receipt, "gateway_transaction"));
  fact(ctx, "admin.payment.created", ctx.t("admin.payments.created_at"),
       payments_ui::time_text(api::str(order_, "created_at")));
  if (receipt.is_object())
    fact(ctx, "admin.payment.paid", ctx.t("admin.payments.paid_at"),
         payments_ui::time_text(api::str(receipt, "paid_at")));
  ui::heading(ctx, "admin.payment.bills", ctx.t("admin.payments.bills"), 3);
  int i = 0;
  for (const auto& bill : feedback_ui::member(order_, "bills")) {
    const std::string line = std::string(ctx.t("admin.payments.period")) + " " +
                             payments_ui::period_text(api::str(bill, "period")) + " · " +
                             core::format_vnd(api::integer(bill, "amount")) + " · " +
                             api::str(bill, "bill_id");
    ui::paragraph(ctx, ("admin.payment.bill." + std::to_string(i++)).c_str(), line.c_str());
  }
  ImGui::Dummy(ImVec2(0, 8));
  if (!notice_.empty()) ui::status_banner(ctx, "admin.payment.notice", notice_.c_str());
  if (refundable(order_)) draw_refund(ctx, width);
}

void AdminPaymentOrder::draw_refund(AppContext& ctx, float width) {
  if (!confirming_) {
    if (ui::button(ctx, "admin.payment.refund", ctx.t("admin.payments.refund"),
                   ui::ButtonKind::kSecondary, width)) {
      confirming_ = true;
      refund_error_ = {};
      notice_.clear();
    }
    return;
  }
  ui::heading(ctx, "admin.payment.refund_title", ctx.t("admin.payments.refund_title"), 3);
  const bool vietqr = order_.value("method", nlohmann::json()) == "vietqr";
  ui::paragraph(ctx, "admin.payment.refund_how",
                ctx.t(vietqr ? "admin.payments.refund_vietqr" : "admin.payments.refund_vnpay"),
                ui::Theme::kMutedText);
  ui::text_area(ctx, "admin.payment.reason", ctx.t("admin.payments.reason"), reason_, 3,
                {.error = refund_error_.field("reason")});
  if (!refund_error_.message.empty() && refund_error_.fields.empty())
    ui::status_banner(ctx, "admin.payment.refund_error", refund_error_.message.c_str());
  const Confirm answer = draw_confirm(ctx, "admin.payment.refund", ctx.t("admin.payments.warning"),
                                      ctx.t("admin.payments.refund_yes"), width, refund_.waiting());
  if (answer == Confirm::kNo) {
    confirming_ = false;
    refund_error_ = {};
  } else if (answer == Confirm::kYes) {
    refund_error_ = {};
    if (reason_.find_first_not_of(" \n\t") == std::string::npos) {
      refund_error_.fields["reason"] = ctx.t("admin.payments.reason_required");
    } else {
      refund_.start(ctx.api, "POST", "/api/v1/admin/payments/orders/" + code_ + "/refund",
                    nlohmann::json{{"reason", reason_}}.dump());
    }
  }
}

void AdminPaymentOrder::draw_messages(AppContext& ctx, float width) {
  (void)width;
  std::string title = ctx.t("admin.payments.history");
  title += " (" + std::to_string(messages_.size()) + ")";
  ui::heading(ctx, "admin.payment.history", title.c_str(), 3);
  if (messages_.empty())
    ui::paragraph(ctx, "admin.payment.no_messages", ctx.t("admin.payments.no_messages"),
                  ui::Theme::kMutedText);
  int i = 0;
  for (const auto& m : messages_) {
    const std::string id = "admin.payment.message." + std::to_string(i++);
    const std::string head = std::to_string(i) + ". " +
                             label_or(ctx, "admin.payments.source", api::str(m, "source")) + " · " +
                             label_or(ctx, "admin.payments.outcome", api::str(m, "outcome")) +
                             " · " + payments_ui::time_text(api::str(m, "received_at"));
    ui::paragraph(ctx, (id + ".head").c_str(), head.c_str(), ui::Theme::kMutedText);
    verbatim_block(ctx, id, api::str(m, "message"));
    ImGui::Dummy(ImVec2(0, 6));
  }
}

void AdminPaymentOrder::draw(AppContext& ctx) {
  take_answers(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("admin.payments.order_title"), /*is_home=*/false);
  if (draw_not_admin_page(ctx, "admin.forbidden_page")) return;
  if (!loaded_ && !show_.waiting()) load(ctx);  // a deep link that came before /me
  if (!error_.message.empty())
    ui::status_banner(ctx, "admin.payment.error", error_.message.c_str());
  if (!loaded_) {
    ui::paragraph(ctx, "admin.payment.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
  } else if (order_.is_object()) {
    draw_order(ctx, page.column_width);
    draw_messages(ctx, page.column_width);
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
