#include "app/screens/admin_payment_orders.h"

#include <array>

#include "app/api/json.h"
#include "app/screens/account_shared.h"
#include "app/screens/admin_payments_ui.h"
#include "app/screens/feedback_ui.h"
#include "app/state/news.h"
#include "app/ui/page.h"
#include "app/ui/widgets.h"
#include "core/money.h"
#include "core/payment_order.h"
#include "core/routes.h"

namespace cdscb::app::screens {
namespace {

constexpr int kPageSize = 20;
constexpr std::array kStatuses{core::OrderStatus::kCreated, core::OrderStatus::kPending,
                               core::OrderStatus::kPaid,    core::OrderStatus::kDelivered,
                               core::OrderStatus::kFailed,  core::OrderStatus::kExpired,
                               core::OrderStatus::kRefunded};
constexpr std::array<const char*, 3> kServices{"electricity", "water", "telecom"};

}  // namespace

void AdminPaymentOrders::on_enter(AppContext& ctx) {
  // The filters stay as the admin left them (back from an order); the list is asked again.
  loaded_ = false;
  error_ = {};
  providers_.load(ctx);
  if (ctx.session.user() && ctx.session.user()->admin()) load(ctx, false);
}

std::string AdminPaymentOrders::filter_query() const {
  std::string query;
  const auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) query += std::string("&") + name + "=" + state::url_encode(value);
  };
  if (status_ > 0) add("status", std::string(core::order_status_name(kStatuses[status_ - 1])));
  if (scope_ > 0 && scope_ <= static_cast<int>(kServices.size()))
    add("service", kServices[scope_ - 1]);
  else if (scope_ > 0 && scope_ - 1 < static_cast<int>(scope_values_.size()))
    add("provider", scope_values_[scope_ - 1]);
  add("q", admin_payments_ui::trimmed(code_));
  add("from", admin_payments_ui::trimmed(from_));
  add("to", admin_payments_ui::trimmed(to_));
  return query;
}

void AdminPaymentOrders::load(AppContext& ctx, bool more) {
  if (list_.waiting()) return;
  std::string path = "/api/v1/admin/payments/orders?limit=" + std::to_string(kPageSize);
  path += filter_query();
  if (more && !next_cursor_.empty()) path += "&cursor=" + next_cursor_;  // "o<id>": URL-safe
  list_.start(ctx.api, "GET", path);
  list_more_ = more;
}

void AdminPaymentOrders::take_answer(AppContext& ctx) {
  auto answer = list_.poll(ctx.api);
  if (!answer) return;
  loaded_ = true;
  if (!answer->ok()) {
    error_ = api::error_of(*answer);
    return;
  }
  error_ = {};
  const auto body = nlohmann::json::parse(answer->body, nullptr, /*allow_exceptions=*/false);
  if (!list_more_) items_ = nlohmann::json::array();
  for (const auto& item : feedback_ui::member(body, "items")) items_.push_back(item);
  next_cursor_ = api::str(body, "next_cursor");
}

void AdminPaymentOrders::draw_filters(AppContext& ctx, float width) {
  ui::text_field(ctx, "admin.payments.code", ctx.t("admin.payments.code"), code_,
                 {.placeholder = "CDS… / PA14…", .error = error_.field("q")});
  std::vector<std::string> statuses{ctx.t("admin.payments.all_statuses")};
  for (const auto status : kStatuses)
    statuses.push_back(ctx.t(core::order_status_label_key(status)));
  ui::combo(ctx, "admin.payments.status", ctx.t("admin.payments.status"), status_, statuses, "",
            error_.field("status"));
  // Services first, then each provider by name; the values are what the filter sends.
  std::vector<std::string> scopes{ctx.t("admin.payments.all_providers")};
  scope_values_.clear();
  for (const char* service : kServices) {
    scopes.push_back(payments_ui::service_label(ctx, service));
    scope_values_.push_back(service);
  }
  for (const auto& provider : providers_.items()) {
    scopes.push_back(provider.name);
    scope_values_.push_back(provider.id);
  }
  ui::combo(ctx, "admin.payments.scope", ctx.t("admin.payments.scope"), scope_, scopes, "",
            error_.field("service"));
  ui::text_field(ctx, "admin.payments.from", ctx.t("admin.payments.from"), from_,
                 {.placeholder = "YYYY-MM-DD", .input = "day", .error = error_.field("from")});
  ui::text_field(ctx, "admin.payments.to", ctx.t("admin.payments.to"), to_,
                 {.placeholder = "YYYY-MM-DD", .input = "day", .error = error_.field("to")});
  if (ui::button(ctx, "admin.payments.search", ctx.t("admin.payments.search"),
                 ui::ButtonKind::kPrimary, width))
    load(ctx, false);
}

void AdminPaymentOrders::draw_order(AppContext& ctx, const nlohmann::json& order, int index) {
  const std::string code = api::str(order, "code");
  const std::string title = code + " · " + core::format_vnd(api::integer(order, "amount"));
  const std::string line = api::str(order, "provider_name") + " (" +
                           payments_ui::service_label(ctx, api::str(order, "service")) + ") · " +
                           admin_payments_ui::customer_text(order) + "\n" +
                           payments_ui::status_label(ctx, api::str(order, "status")) + " · " +
                           admin_payments_ui::delivery_label(ctx, order) + " · " +
                           payments_ui::time_text(api::str(order, "created_at"));
  const std::string id = "admin.payments.order." + std::to_string(index);
  if (feedback_ui::card(ctx, id.c_str(), title, line))
    ctx.nav.go({core::Screen::kPaymentOrderAdmin, code});
}

void AdminPaymentOrders::draw(AppContext& ctx) {
  take_answer(ctx);
  ui::Page page = ui::begin_page(ctx, ctx.t("admin.payments.title"), /*is_home=*/false);
  if (draw_not_admin_page(ctx, "admin.forbidden_page")) return;
  if (!loaded_ && !list_.waiting()) load(ctx, false);  // a deep link that came before /me
  providers_.draw_state(ctx, page.column_width);
  draw_filters(ctx, page.column_width);
  if (ui::button(ctx, "admin.payments.reconciliation", ctx.t("admin.reconciliation.title"),
                 ui::ButtonKind::kSecondary, page.column_width))
    ctx.nav.go({core::Screen::kReconciliation, ""});
  if (!error_.message.empty())
    ui::status_banner(ctx, "admin.payments.error", error_.message.c_str());
  ImGui::Dummy(ImVec2(0, 8));
  if (!loaded_) {
    ui::paragraph(ctx, "admin.payments.loading", ctx.t("common.loading"), ui::Theme::kMutedText);
  } else if (items_.empty() && error_.message.empty()) {
    ui::paragraph(ctx, "admin.payments.none", ctx.t("admin.payments.none"), ui::Theme::kMutedText);
  }
  int index = 0;
  for (const auto& order : items_) draw_order(ctx, order, index++);
  if (list_.waiting() && list_more_) {
    ui::paragraph(ctx, "admin.payments.more_loading", ctx.t("common.loading"),
                  ui::Theme::kMutedText);
  } else if (!next_cursor_.empty() && ui::button(ctx, "admin.payments.more", ctx.t("payments.more"),
                                                 ui::ButtonKind::kSecondary, page.column_width)) {
    load(ctx, true);
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
