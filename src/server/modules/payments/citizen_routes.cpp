// The citizen's side of "Thanh toán không tiền mặt": look a customer code up, make an order of
// the bills to pay, follow it. The provider is asked with no database session held; every amount
// is the provider's.
#include <soci/soci.h>

#include <algorithm>
#include <set>

#include "core/masking.h"
#include "http/json_body.h"
#include "http/pagination.h"
#include "http/response.h"
#include "integrations/vnpay/gateway.h"
#include "modules/payments/booking.h"
#include "modules/payments/limits.h"
#include "modules/payments/messages.h"
#include "modules/payments/order_json.h"
#include "modules/payments/policy.h"
#include "modules/payments/routes.h"
#include "util/vietnamese.h"

namespace cdscb::server::payments {
namespace {

using integrations::bills::Failure;

constexpr std::size_t kMaxBills = 24;
constexpr long long kDefaultLimit = 20;
constexpr long long kMaxLimit = 50;

struct Asked {
  ProviderInfo provider;
  std::string customer_code;
  integrations::bills::BillProvider* client = nullptr;
};

// The provider and customer code of a request body; 422 with a message per field.
Asked read_asked(const PaymentsDeps& deps, const nlohmann::json& body, http::FieldErrors& errors) {
  Asked asked;
  const std::string provider = http::string_field(body, "provider", errors).value_or("");
  const std::string typed = http::string_field(body, "customer_code", errors).value_or("");
  const auto info = deps.providers->info(provider);
  if (!info) {
    errors.add("provider", messages::kProviderUnknown);
    return asked;
  }
  asked.provider = *info;
  asked.client = deps.providers->client(provider);
  const core::BillCodeCheck check = core::check_bill_code(info->id, typed);
  if (!check.error_key.empty()) errors.add("customer_code", util::vietnamese(check.error_key));
  asked.customer_code = check.code;
  return asked;
}

// The answer to a provider's refusal of a lookup.
[[noreturn]] void throw_lookup_failure(
    const integrations::bills::Outcome<integrations::bills::Customer>& outcome) {
  switch (outcome.failure) {
    case Failure::kInvalidCode:
    case Failure::kNotFound:
      throw http::HttpError(404, "customer_not_found", messages::kCustomerNotFound);
    default:
      throw http::HttpError(503, "provider_unavailable", messages::kProviderDown);
  }
}

std::vector<OrderBill> bills_of(const integrations::bills::Customer& customer) {
  std::vector<OrderBill> bills;
  for (const auto& b : customer.bills) bills.push_back({b.bill_id, b.period, b.amount, b.due_date});
  return bills;
}

http::Response lookup(const PaymentsDeps& deps, const http::Request& request) {
  {
    soci::session sql(deps.database.pool());
    const accounts::AuthUser user = deps.sessions.require_user(sql, request);
    if (auto refused = http::check_rate_limits(sql, {kLookupPerHour, kLookupPerDay},
                                               http::account_key(user.id), now_seconds(deps))) {
      return *refused;
    }
  }
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const Asked asked = read_asked(deps, body, errors);
  errors.throw_if_any();
  const auto outcome = asked.client->lookup(asked.customer_code);
  if (!outcome.value) throw_lookup_failure(outcome);
  const auto& customer = *outcome.value;
  std::int64_t total = 0;
  for (const auto& bill : customer.bills) total += bill.amount;
  return http::no_store(
      http::Response::json(200, {{"provider", asked.provider.id},
                                 {"customer_code", asked.customer_code},
                                 {"customer",
                                  {{"name", core::mask_person_name(customer.name)},
                                   {"address", core::mask_address(customer.address)}}},
                                 {"bills", bills_json(bills_of(customer))},
                                 {"total", total}}));
}

// The bill ids of the body: 1 to kMaxBills distinct strings.
std::vector<std::string> read_bill_ids(const nlohmann::json& body, http::FieldErrors& errors) {
  std::vector<std::string> ids;
  const auto it = body.find("bill_ids");
  if (it == body.end() || !it->is_array() || it->empty() || it->size() > kMaxBills) {
    errors.add("bill_ids", messages::kBillsRequired);
    return ids;
  }
  std::set<std::string> seen;
  for (const auto& id : *it) {
    if (!id.is_string() || !seen.insert(id.get<std::string>()).second) {
      errors.add("bill_ids", messages::kBillsRequired);
      return {};
    }
    ids.push_back(id.get<std::string>());
  }
  return ids;
}

// The open bills the caller chose, oldest first, as the provider lists them now; 409 when one is
// no longer open, 422 when the provider wants older periods paid first.
std::vector<OrderBill> chosen_bills(const ProviderInfo& provider,
                                    const std::vector<OrderBill>& open,
                                    const std::vector<std::string>& ids) {
  std::vector<OrderBill> chosen;
  for (const auto& bill : open)
    if (std::find(ids.begin(), ids.end(), bill.bill_id) != ids.end()) chosen.push_back(bill);
  if (chosen.size() != ids.size())
    throw http::HttpError(409, "bills_changed", messages::kBillsChanged);
  if (provider.oldest_first) {
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      if (open[i].bill_id != chosen[i].bill_id)
        throw http::HttpError(422, "older_bill_unpaid", messages::kOlderFirst,
                              {{"bill_ids", messages::kOlderFirst}});
    }
  }
  return chosen;
}

http::Response create(const PaymentsDeps& deps, const http::Request& request) {
  accounts::AuthUser user;
  {
    soci::session sql(deps.database.pool());
    user = deps.sessions.require_user(sql, request);
    if (auto refused = http::check_rate_limits(sql, {kOrdersPerDay}, http::account_key(user.id),
                                               now_seconds(deps))) {
      return *refused;
    }
  }
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const Asked asked = read_asked(deps, body, errors);
  const std::vector<std::string> ids = read_bill_ids(body, errors);
  errors.throw_if_any();
  // The amounts are what the provider says now, never what the app sent or showed.
  const auto outcome = asked.client->lookup(asked.customer_code);
  if (!outcome.value) throw_lookup_failure(outcome);
  const auto chosen = chosen_bills(asked.provider, bills_of(*outcome.value), ids);

  soci::session sql(deps.database.pool());
  const CreatedOrder made =
      create_order(sql, deps.database.backend(),
                   {.user_id = user.id,
                    .service = std::string(core::bill_service_name(asked.provider.service)),
                    .provider = asked.provider.id,
                    .customer_code = asked.customer_code,
                    .customer_name = core::mask_person_name(outcome.value->name),
                    .customer_address = core::mask_address(outcome.value->address),
                    .bills = chosen,
                    .now = now_seconds(deps),
                    .lifetime = kOrderLifetime});
  return http::no_store(
      http::Response::json(made.created ? 201 : 200, {{"order", order_json(made.order)}}));
}

// The caller's order `code`; 404 for a missing one and for another's (may_view).
Order visible_order(const PaymentsDeps& deps, soci::session& sql, const accounts::AuthUser& user,
                    const http::Request& request) {
  const auto order =
      find_order(sql, deps.database.backend(), std::string(request.param("code").value_or("")));
  if (!order || !may_view(user, *order))
    throw http::HttpError(404, "not_found", messages::kNotFound);
  return *order;
}

http::Response show(const PaymentsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  return http::no_store(
      http::Response::json(200, {{"order", order_json(visible_order(deps, sql, user, request))}}));
}

http::Response history(const PaymentsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  http::FieldErrors errors;
  const long long limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  const long long before = http::read_cursor(request, errors, "o", 1).value_or(0);
  errors.throw_if_any();
  std::vector<Order> orders = orders_of(sql, user.id, before, limit + 1);
  const bool more = static_cast<long long>(orders.size()) > limit;
  if (more) orders.pop_back();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& order : orders) items.push_back(order_json(order));
  const nlohmann::json next =
      more ? nlohmann::json("o" + std::to_string(orders.back().id)) : nlohmann::json();
  return http::no_store(http::Response::json(200, {{"items", items}, {"next_cursor", next}}));
}

http::Response pay_with_vnpay(const PaymentsDeps& deps, const http::Request& request) {
  const PaymentsConfig& config = deps.config.payments;
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const Order order = visible_order(deps, sql, user, request);
  if (!may_pay(user, order)) throw http::HttpError(404, "not_found", messages::kNotFound);
  if (!config.vnpay_enabled())
    throw http::HttpError(503, "method_unavailable", messages::kMethodUnavailable);
  const long long now = now_seconds(deps);
  // The gateway knows a transaction by its reference and creation time: asking again for a
  // started one sends the browser back to the same page.
  long long created = now;
  if (order.method == "vnpay" && order.gateway_started_at &&
      order.status == core::OrderStatus::kPending) {
    created = *order.gateway_started_at;
  } else if (!start_payment(sql, order, "vnpay", now)) {
    throw http::HttpError(409, "not_payable", messages::kNotPayable);
  }
  const std::string url = integrations::vnpay::payment_url(
      vnpay_merchant(config),
      {.txn_ref = order.code,
       .amount_vnd = order.amount,
       .order_info = order_info(order),
       .return_url = deps.config.origin() + "/api/v1/payments/vnpay/return",
       .client_ip = request.remote_address.empty() ? "127.0.0.1" : request.remote_address,
       .created_unix = created,
       .expires_unix = order.expires_at});
  return http::no_store(http::Response::json(200, {{"pay_url", url}}));
}

http::Response providers(const PaymentsDeps& deps) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& provider : deps.providers->offered()) {
    items.push_back({{"id", provider.id},
                     {"service", core::bill_service_name(provider.service)},
                     {"name", provider.name}});
  }
  return http::Response::json(200, {{"items", items},
                                    {"methods",
                                     {{"vnpay", deps.config.payments.vnpay_enabled()},
                                      {"vietqr", deps.config.payments.vietqr_enabled()}}}});
}

}  // namespace

long long now_seconds(const PaymentsDeps& deps) {
  return std::chrono::duration_cast<std::chrono::seconds>(
             deps.sessions.clock()().time_since_epoch())
      .count();
}

void register_citizen_routes(http::Router& router, const PaymentsDeps& deps) {
  router.get("/api/v1/payments/providers",
             [deps](const http::Request&) { return providers(deps); });
  router.post("/api/v1/payments/lookup",
              [deps](const http::Request& request) { return lookup(deps, request); });
  router.post("/api/v1/payments/orders",
              [deps](const http::Request& request) { return create(deps, request); });
  router.get("/api/v1/payments/orders",
             [deps](const http::Request& request) { return history(deps, request); });
  router.get("/api/v1/payments/orders/{code}",
             [deps](const http::Request& request) { return show(deps, request); });
  router.post("/api/v1/payments/orders/{code}/vnpay",
              [deps](const http::Request& request) { return pay_with_vnpay(deps, request); });
}

}  // namespace cdscb::server::payments
