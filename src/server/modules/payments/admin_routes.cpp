// Admins' side of the payments ("Quản lý thanh toán"): every order with filters, an order's full
// history (every partner message verbatim), refunds, and the daily reconciliation ("Đối soát")
// of our books against the providers'.
//   GET  /api/v1/admin/payments/orders?status=&provider=&service=&q=&from=&to=&cursor=&limit=
//        → {"items","next_cursor"}; q: an order code or a customer code; from/to: days
//        (YYYY-MM-DD, Vietnam's) the order was created in, both included
//   GET  /api/v1/admin/payments/orders/{code}   → {"order","messages":[{"source","outcome",
//        "message","received_at"}]}
//   POST /api/v1/admin/payments/orders/{code}/refund {"reason"} → {"order"} | 409 | 502
//   GET  /api/v1/admin/payments/reconciliation?date=YYYY-MM-DD → {"date","orders","total",
//        "providers":[{"provider","name","orders","total","confirmed","confirmed_total",
//        "reachable"}], "methods":[{"method","orders","total"}],
//        "mismatches":[{"kind","order_code","provider","detail"}]}
#include <soci/soci.h>

#include <map>
#include <set>

#include "core/bill_codes.h"
#include "core/time_text.h"
#include "http/json_body.h"
#include "http/pagination.h"
#include "integrations/vnpay/merchant_api.h"
#include "modules/payments/booking.h"
#include "modules/payments/messages.h"
#include "modules/payments/order_json.h"
#include "modules/payments/policy.h"
#include "modules/payments/routes.h"

namespace cdscb::server::payments {
namespace {

constexpr long long kDefaultLimit = 50;
constexpr long long kMaxLimit = 200;

accounts::AuthUser require_admin(const PaymentsDeps& deps, soci::session& sql,
                                 const http::Request& request) {
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  if (!may_administer(user)) throw http::HttpError(403, "forbidden", messages::kForbidden);
  return user;
}

Order order_of(const PaymentsDeps& deps, soci::session& sql, const http::Request& request,
               bool lock = false) {
  const auto order = find_order(sql, deps.database.backend(),
                                std::string(request.param("code").value_or("")), lock);
  if (!order) throw http::HttpError(404, "not_found", messages::kNotFound);
  return *order;
}

// Unix seconds of 00:00 in Vietnam on "YYYY-MM-DD"; nullopt when not a date.
std::optional<long long> vietnam_day_start(const std::string& day) {
  const auto start = core::parse_rfc3339(day + "T00:00:00+07:00");
  if (!start || core::format_rfc3339(*start + 7 * 3600).substr(0, 10) != day) return std::nullopt;
  return start;
}

// The start of the day named by the query parameter `name` (plus `days`), 0 when it is absent;
// a field error when it is not a date.
long long day_param(const http::Request& request, const char* name, long long days,
                    http::FieldErrors& errors) {
  const std::string day(request.query_param(name).value_or(""));
  if (day.empty()) return 0;
  const auto start = vietnam_day_start(day);
  if (!start) errors.add(name, messages::kDateInvalid);
  return start ? *start + days * 86400 : 0;
}

// An order as admins see it: with its owner and what the provider said when it refused it.
nlohmann::json admin_order_json(const Order& order) {
  nlohmann::json item = order_json(order);
  item["user_id"] = order.user_id;
  if (order.delivery_problem) item["delivery_problem"] = *order.delivery_problem;
  return item;
}

http::Response list(const PaymentsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  require_admin(deps, sql, request);
  http::FieldErrors errors;
  OrderFilter filter;
  filter.status = std::string(request.query_param("status").value_or(""));
  filter.provider = std::string(request.query_param("provider").value_or(""));
  filter.service = std::string(request.query_param("service").value_or(""));
  filter.code = std::string(request.query_param("q").value_or(""));
  if (!filter.status.empty() && !core::parse_order_status(filter.status))
    errors.add("status", messages::kStatusUnknown);
  if (!filter.service.empty() && !core::parse_bill_service(filter.service))
    errors.add("service", messages::kServiceUnknown);
  filter.created_from = day_param(request, "from", 0, errors);
  filter.created_until = day_param(request, "to", 1, errors);  // the whole last day
  const long long limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  const long long before = http::read_cursor(request, errors, "o", 1).value_or(0);
  errors.throw_if_any();
  std::vector<Order> orders = list_orders(sql, filter, before, limit + 1);
  const bool more = static_cast<long long>(orders.size()) > limit;
  if (more) orders.pop_back();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& order : orders) {
    items.push_back(admin_order_json(order));
  }
  const nlohmann::json next =
      more ? nlohmann::json("o" + std::to_string(orders.back().id)) : nlohmann::json();
  return http::no_store(http::Response::json(200, {{"items", items}, {"next_cursor", next}}));
}

http::Response show(const PaymentsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  require_admin(deps, sql, request);
  const Order order = order_of(deps, sql, request);
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : messages_of(sql, order.id)) {
    messages.push_back({{"source", m.source},
                        {"outcome", m.outcome},
                        {"message", m.message},
                        {"received_at", core::format_rfc3339(m.received_at)}});
  }
  return http::no_store(
      http::Response::json(200, {{"order", admin_order_json(order)}, {"messages", messages}}));
}

http::Response refund(const PaymentsDeps& deps, const http::Request& request) {
  accounts::AuthUser admin;
  Order order;
  std::string reason;
  {
    soci::session sql(deps.database.pool());
    admin = require_admin(deps, sql, request);
    const nlohmann::json body = http::parse_json_object(request);
    http::FieldErrors errors;
    reason = http::string_field(body, "reason", errors).value_or("");
    if (reason.find_first_not_of(' ') == std::string::npos)
      errors.add("reason", messages::kRefundReasonRequired);
    errors.throw_if_any();
    order = order_of(deps, sql, request);
  }
  if (order.status != core::OrderStatus::kPaid && order.status != core::OrderStatus::kDelivered)
    throw http::HttpError(409, "not_refundable", messages::kNotRefundable);
  // A fee its dossier took stays with the dossier (its receipt says paid): refunding it is the
  // agency's decision on the dossier, not a payments correction.
  if (order.purpose == kPurposeDossierFee && order.status == core::OrderStatus::kDelivered)
    throw http::HttpError(409, "fee_taken", messages::kFeeTaken);
  const long long now = now_seconds(deps);
  std::string record = nlohmann::json({{"reason", reason}, {"by", admin.id}}).dump();
  const char* source = "manual_refund";
  if (order.method == "vnpay") {
    // The gateway gives the money back; no session is held while it answers.
    std::string error;
    const auto answer = integrations::vnpay::refund(
        vnpay_merchant(deps.config.payments),
        {.txn_ref = order.code,
         .order_info = order_info(order),
         .transaction_unix = order.gateway_started_at.value_or(order.created_at),
         .transaction_no = order.gateway_transaction.value_or(""),
         .amount_vnd = order.amount,
         .created_by = "admin-" + std::to_string(admin.id),
         .server_ip = "127.0.0.1",
         .now_unix = now},
        deps.outbound, error);
    if (!answer || !answer->accepted()) {
      soci::session sql(deps.database.pool());
      record_event(sql, order.id, "vnpay_refund", "refused", answer ? answer->raw : error, now);
      throw http::HttpError(502, "refund_refused", messages::kRefundRefused);
    }
    source = "vnpay_refund";
    record = answer->raw;
  }
  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  const Order current = order_of(deps, sql, request, true);
  if (!change_status(sql, current, current.status, core::OrderEvent::kRefund, now))
    throw http::HttpError(409, "not_refundable", messages::kNotRefundable);
  record_event(sql, current.id, source, "refunded", record, now);
  transaction.commit();
  return http::no_store(http::Response::json(
      200, {{"order", admin_order_json(*find_order(sql, deps.database.backend(), current.code))}}));
}

http::Response reconciliation(const PaymentsDeps& deps, const http::Request& request) {
  const std::string day(request.query_param("date").value_or(""));
  std::vector<Order> ours;
  std::vector<PartnerMessage> anomalies;
  {
    soci::session sql(deps.database.pool());
    require_admin(deps, sql, request);
    const auto start = vietnam_day_start(day);
    if (!start) {
      http::FieldErrors errors;
      errors.add("date", messages::kDateInvalid);
      errors.throw_if_any();
    }
    ours = orders_paid_between(sql, *start, *start + 86400);
    anomalies = anomalies_between(sql, *start, *start + 86400);
  }
  nlohmann::json mismatches = nlohmann::json::array();
  const auto add = [&](const char* kind, const std::string& code, const std::string& provider,
                       const std::string& detail) {
    mismatches.push_back(
        {{"kind", kind}, {"order_code", code}, {"provider", provider}, {"detail", detail}});
  };
  std::int64_t total = 0;
  std::map<std::string, std::map<std::string, const Order*>> delivered;  // provider → code
  std::map<std::string, std::map<std::string, const Order*>> refunded;   // provider → code
  std::map<std::string, std::pair<long long, std::int64_t>> by_provider, by_method;
  for (const auto& order : ours) {
    total += order.amount;
    const auto count = [&](std::pair<long long, std::int64_t>& sum) {
      ++sum.first;
      sum.second += order.amount;
    };
    count(by_provider[order.provider]);
    count(by_method[order.method.value_or("")]);
    if (order.status == core::OrderStatus::kPaid)
      add("not_delivered", order.code, order.provider, order.delivery_problem.value_or(""));
    if (order.status == core::OrderStatus::kDelivered)
      delivered[order.provider][order.code] = &order;
    if (order.status == core::OrderStatus::kRefunded) refunded[order.provider][order.code] = &order;
  }
  // Each provider's book of the day, asked with no session held.
  nlohmann::json providers = nlohmann::json::array();
  for (const auto& provider : deps.providers->offered()) {
    const auto& [our_count, our_total] = by_provider[provider.id];
    nlohmann::json line{{"provider", provider.id}, {"name", provider.name}, {"orders", our_count},
                        {"total", our_total},      {"confirmed", 0},        {"confirmed_total", 0},
                        {"reachable", true}};
    const auto outcome = deps.providers->client(provider.id)->confirmations_of_day(day);
    if (!outcome.value) {
      line["reachable"] = false;
      providers.push_back(line);
      add("provider_unreachable", "", provider.id, outcome.detail);
      continue;
    }
    std::set<std::string> seen;
    std::int64_t their_total = 0;
    for (const auto& confirmation : *outcome.value) {
      seen.insert(confirmation.order_code);
      their_total += confirmation.amount;
      const auto it = delivered[provider.id].find(confirmation.order_code);
      if (refunded[provider.id].count(confirmation.order_code))
        add("refunded_but_confirmed", confirmation.order_code, provider.id,
            confirmation.payment_id);
      else if (it == delivered[provider.id].end())
        add("unknown_to_us", confirmation.order_code, provider.id, confirmation.payment_id);
      else if (it->second->amount != confirmation.amount)
        add("amount_mismatch", confirmation.order_code, provider.id,
            std::to_string(it->second->amount) + " ≠ " + std::to_string(confirmation.amount));
    }
    for (const auto& [code, order] : delivered[provider.id])
      if (!seen.count(code)) add("missing_at_provider", code, provider.id, "");
    line["confirmed"] = outcome.value->size();
    line["confirmed_total"] = their_total;
    providers.push_back(line);
  }
  nlohmann::json methods = nlohmann::json::array();
  for (const auto& [method, sum] : by_method)
    methods.push_back({{"method", method}, {"orders", sum.first}, {"total", sum.second}});
  for (const auto& m : anomalies)
    add("gateway_anomaly", "", m.source, m.outcome + ": " + m.message);
  return http::no_store(http::Response::json(200, {{"date", day},
                                                   {"orders", ours.size()},
                                                   {"total", total},
                                                   {"providers", providers},
                                                   {"methods", methods},
                                                   {"mismatches", mismatches}}));
}

}  // namespace

void register_admin_routes(http::Router& router, const PaymentsDeps& deps) {
  router.get("/api/v1/admin/payments/orders",
             [deps](const http::Request& request) { return list(deps, request); });
  router.get("/api/v1/admin/payments/orders/{code}",
             [deps](const http::Request& request) { return show(deps, request); });
  router.post("/api/v1/admin/payments/orders/{code}/refund",
              [deps](const http::Request& request) { return refund(deps, request); });
  router.get("/api/v1/admin/payments/reconciliation",
             [deps](const http::Request& request) { return reconciliation(deps, request); });
}

}  // namespace cdscb::server::payments
