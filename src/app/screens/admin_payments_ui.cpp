#include "app/screens/admin_payments_ui.h"

#include <cstring>

#include "app/api/json.h"
#include "app/state/alerts.h"
#include "core/time_text.h"

namespace cdscb::app::screens::admin_payments_ui {

std::string label_or(AppContext& ctx, std::string_view prefix, std::string_view value) {
  const std::string key = std::string(prefix) + "." + std::string(value);
  const char* name = ctx.t(key);
  return std::strcmp(name, key.c_str()) == 0 ? std::string(value) : std::string(name);
}

const char* delivery_label(AppContext& ctx, const nlohmann::json& order) {
  const std::string status = api::str(order, "status");
  if (order.contains("delivered_at")) return ctx.t("admin.payments.delivery.delivered");
  if (status == "paid")
    return order.contains("delivery_problem") ? ctx.t("admin.payments.delivery.refused")
                                              : ctx.t("admin.payments.delivery.waiting");
  return ctx.t("admin.payments.delivery.none");
}

std::string customer_text(const nlohmann::json& order) {
  const std::string name = order.contains("customer") ? api::str(order["customer"], "name") : "";
  const std::string code = api::str(order, "customer_code");
  return name.empty() ? code : name + " · " + code;
}

std::string method_label(AppContext& ctx, const nlohmann::json& method) {
  if (!method.is_string()) return ctx.t("admin.payments.method.none");
  return label_or(ctx, "admin.payments.method", method.get<std::string>());
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string vietnam_day(int days_ago) {
  const long long now = state::unix_now();
  return core::format_rfc3339(now + 7 * 3600 - days_ago * 86400LL).substr(0, 10);
}

}  // namespace cdscb::app::screens::admin_payments_ui
