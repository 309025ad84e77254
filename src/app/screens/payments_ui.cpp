#include "app/screens/payments_ui.h"

#include <imgui.h>

#include "app/api/json.h"
#include "app/platform/inbox.h"
#include "app/screens/feedback_ui.h"
#include "app/ui/widgets.h"
#include "core/bill_codes.h"
#include "core/payment_order.h"

namespace cdscb::app::screens::payments_ui {

void TimedCall::start(AppContext& ctx, std::string_view method, std::string_view path,
                      std::string_view json_body, double timeout) {
  call_.start(ctx.api, method, path, json_body);
  deadline_ = ImGui::GetTime() + timeout;
  timed_out_ = false;
  platform::request_wake_after(timeout + 0.1);  // the loop sleeps while nothing comes
}

std::optional<api::Response> TimedCall::poll(AppContext& ctx) {
  if (auto answer = call_.poll(ctx.api)) return answer;
  if (!call_.waiting() || ImGui::GetTime() < deadline_) return std::nullopt;
  call_ = {};
  timed_out_ = true;
  return api::Response{};  // status 0: a failure the citizen may retry
}

std::string TimedCall::error_text(AppContext& ctx, const api::Response& response) const {
  if (timed_out_) return ctx.t("payments.timeout");
  return api::error_of(response).message;
}

void Providers::load(AppContext& ctx) {
  if (loaded_ || call_.waiting()) return;
  error_.clear();
  call_.start(ctx, "GET", "/api/v1/payments/providers");
}

bool Providers::draw_state(AppContext& ctx, float width) {
  if (auto answer = call_.poll(ctx)) {
    const auto body = nlohmann::json::parse(answer->body, nullptr, false);
    if (answer->ok() && body.is_object()) {
      items_.clear();
      for (const auto& item : feedback_ui::member(body, "items")) {
        items_.push_back({api::str(item, "id"), api::str(item, "service"), api::str(item, "name")});
      }
      const auto& methods = feedback_ui::member(body, "methods");
      vnpay_ = api::boolean(methods, "vnpay");
      vietqr_ = api::boolean(methods, "vietqr");
      loaded_ = true;
    } else {
      error_ = call_.error_text(ctx, *answer);
    }
  }
  if (loaded_) return true;
  if (call_.waiting()) {
    ui::paragraph(ctx, "payments.providers_loading", ctx.t("common.loading"),
                  ui::Theme::kMutedText);
  } else if (!error_.empty() &&
             error_with_retry(ctx, "payments.providers_error", error_, true, width)) {
    load(ctx);
  }
  return false;
}

const Provider* Providers::find(std::string_view id) const {
  for (const auto& p : items_)
    if (p.id == id) return &p;
  return nullptr;
}

const Provider* Providers::of_service(std::string_view service) const {
  for (const auto& p : items_)
    if (p.service == service) return &p;
  return nullptr;
}

const char* service_label(AppContext& ctx, std::string_view service) {
  const auto parsed = core::parse_bill_service(service);
  return parsed ? ctx.t(core::bill_service_label_key(*parsed)) : ctx.t("tile.payments");
}

const char* status_label(AppContext& ctx, std::string_view status) {
  const auto parsed = core::parse_order_status(status);
  return parsed ? ctx.t(core::order_status_label_key(*parsed)) : ctx.t("payments.status.unknown");
}

std::string period_text(std::string_view p) {
  if (p.size() != 7 || p[4] != '-') return std::string(p);
  return std::string(p.substr(5, 2)) + "/" + std::string(p.substr(0, 4));
}

std::string periods_text(const nlohmann::json& bills) {
  std::string text;
  if (!bills.is_array()) return text;
  for (const auto& bill : bills) {
    if (!text.empty()) text += ", ";
    text += period_text(api::str(bill, "period"));
  }
  return text;
}

std::string time_text(std::string_view rfc3339) { return feedback_ui::local_time(rfc3339); }

bool require_account(AppContext& ctx, const char* message_key) {
  if (ctx.session.user()) return true;
  if (ctx.connectivity.offline() || !ctx.session.checked()) {
    ui::paragraph(ctx, message_key, ctx.t(message_key), ui::Theme::kMutedText);
    return false;
  }
  ctx.nav.replace({core::Screen::kLogin, ""});
  return false;
}

bool error_with_retry(AppContext& ctx, const char* id, const std::string& message, bool retry,
                      float width) {
  ui::status_banner(ctx, id, message.c_str());
  if (!retry) return false;
  return ui::button(ctx, (std::string(id) + ".retry").c_str(), ctx.t("payments.retry"),
                    ui::ButtonKind::kSecondary, width);
}

}  // namespace cdscb::app::screens::payments_ui
