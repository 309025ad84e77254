// VNPay's two ways back: the citizen's browser (Return URL), which only verifies and shows, and
// the gateway's server (IPN), which alone books a payment: checksum → order → amount → not yet
// confirmed → paid only if vnp_ResponseCode and vnp_TransactionStatus are both "00". Every
// verified message is kept verbatim; an unverified one is not stored at all (it could be anyone's).
#include <soci/soci.h>

#include "integrations/vnpay/gateway.h"
#include "modules/payments/booking.h"
#include "modules/payments/routes.h"
#include "util/log.h"

namespace cdscb::server::payments {
namespace {

integrations::vnpay::Params params_of(const http::Request& request) {
  integrations::vnpay::Params params;
  for (const auto& [name, value] : request.query) params.emplace(name, value);  // first wins
  return params;
}

std::string query_of(const http::Request& request) {
  const auto q = request.target.find('?');
  return q == std::string::npos ? "" : request.target.substr(q + 1);
}

http::Response rsp(const char* code, const char* message) {
  return http::Response::json(200, {{"RspCode", code}, {"Message", message}});
}

http::Response ipn(const PaymentsDeps& deps, const http::Request& request) {
  if (!deps.config.payments.vnpay_enabled()) return rsp("99", "Unknown error");
  const auto result =
      integrations::vnpay::read_result(vnpay_merchant(deps.config.payments), params_of(request));
  if (!result) return rsp("97", "Invalid Checksum");
  const long long now = now_seconds(deps);
  const std::string message = query_of(request);
  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  auto order = find_order(sql, deps.database.backend(), result->txn_ref, true);
  if (!order) {
    record_event(sql, std::nullopt, "vnpay_ipn", "order_not_found", message, now);
    transaction.commit();
    return rsp("01", "Order not found");
  }
  if (result->amount_vnd != order->amount) {
    // VNPay keeps the payment whatever we answer: the mismatch is kept for reconciliation.
    record_event(sql, order->id, "vnpay_ipn", "bad_amount", message, now);
    transaction.commit();
    util::log_error("payments: IPN for " + order->code + " with amount " +
                    std::to_string(result->amount_vnd) + " ≠ " + std::to_string(order->amount));
    return rsp("04", "Invalid amount");
  }
  if (!is_open(*order)) {
    record_event(sql, order->id, "vnpay_ipn", "duplicate", message, now);
    transaction.commit();
    return rsp("02", "Order already confirmed");
  }
  const bool changed =
      result->paid()
          ? book_paid(deps, sql, *order, "vnpay", result->transaction_no, result->bank_code, now)
          : change_status(sql, *order, order->status, core::OrderEvent::kFail, now);
  record_event(sql, order->id, "vnpay_ipn",
               !changed         ? "ignored"
               : result->paid() ? "booked"
                                : "failed",
               message, now);
  transaction.commit();
  return rsp("00", "Confirm Success");
}

// The browser back from the gateway: never books anything; the app's order screen asks the
// server, which knows once the IPN has come ("Đang xác nhận thanh toán" until then).
http::Response return_url(const PaymentsDeps& deps, const http::Request& request) {
  const auto result = deps.config.payments.vnpay_enabled()
                          ? integrations::vnpay::read_result(vnpay_merchant(deps.config.payments),
                                                             params_of(request))
                          : std::nullopt;
  std::string location = "/#/thanh-toan";
  if (result) {
    soci::session sql(deps.database.pool());
    if (const auto order = find_order(sql, deps.database.backend(), result->txn_ref)) {
      record_event(sql, order->id, "vnpay_return", result->paid() ? "paid" : "not_paid",
                   query_of(request), now_seconds(deps));
      location = "/#/thanh-toan/don/" + order->code;
    }
  }
  http::Response response;
  response.status = 303;
  response.headers.set("Location", location);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace

void register_vnpay_routes(http::Router& router, const PaymentsDeps& deps) {
  router.get("/api/v1/payments/vnpay/ipn",
             [deps](const http::Request& request) { return ipn(deps, request); });
  router.get("/api/v1/payments/vnpay/return",
             [deps](const http::Request& request) { return return_url(deps, request); });
}

}  // namespace cdscb::server::payments
