#include "modules/payments/order_json.h"

#include "core/time_text.h"
#include "modules/payments/providers.h"

namespace cdscb::server::payments {

nlohmann::json bills_json(const std::vector<OrderBill>& bills) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& bill : bills) {
    list.push_back({{"bill_id", bill.bill_id},
                    {"period", bill.period},
                    {"amount", bill.amount},
                    {"due_date", bill.due_date}});
  }
  return list;
}

nlohmann::json order_json(const Order& order) {
  std::string provider_name = order.payee_name.value_or(order.provider);
  for (const auto& provider : known_providers())
    if (provider.id == order.provider) provider_name = provider.name;
  nlohmann::json j{
      {"code", order.code},
      {"service", order.service},
      {"provider", order.provider},
      {"provider_name", provider_name},
      {"customer_code", order.customer_code},
      {"customer", {{"name", order.customer_name}, {"address", order.customer_address}}},
      {"amount", order.amount},
      {"status", core::order_status_name(order.status)},
      {"method", order.method ? nlohmann::json(*order.method) : nlohmann::json()},
      {"created_at", core::format_rfc3339(order.created_at)},
      {"expires_at", core::format_rfc3339(order.expires_at)},
      {"bills", bills_json(order.bills)}};
  if (order.paid_at) {
    j["receipt"] = {{"paid_at", core::format_rfc3339(*order.paid_at)},
                    {"gateway_transaction", order.gateway_transaction.value_or("")},
                    {"bank_code", order.bank_code.value_or("")}};
  }
  if (order.delivered_at) j["delivered_at"] = core::format_rfc3339(*order.delivered_at);
  j["purpose"] = order.purpose;
  if (order.purpose == kPurposeDossierFee) j["dossier"] = {{"code", order.customer_code}};
  return j;
}

}  // namespace cdscb::server::payments
