// "Mã VietQR": the order as a NAPAS transfer QR (core/vietqr.h) that any Vietnamese bank app
// scans, to the province's collection account with the order code as the transfer's purpose; and
// the collecting bank's notification, which alone books it: signed (X-Signature =
// hex HMAC-SHA256(secret, timestamp "." body), sandbox/vnpay/README.md), for our account, matched
// by order code and the exact amount. The bank does not retry: every notification is answered 2xx
// once verified and kept verbatim; what cannot be booked is listed for reconciliation.
#include <soci/soci.h>

#include <cstdlib>

#include "core/time_text.h"
#include "core/vietqr.h"
#include "http/json_body.h"
#include "modules/payments/booking.h"
#include "modules/payments/messages.h"
#include "modules/payments/policy.h"
#include "modules/payments/routes.h"
#include "security/crypto.h"
#include "security/hmac.h"

namespace cdscb::server::payments {
namespace {

constexpr long long kSignatureWindow = 300;  // seconds either side of our clock

http::Response qr(const PaymentsDeps& deps, const http::Request& request) {
  const PaymentsConfig& config = deps.config.payments;
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const auto order =
      find_order(sql, deps.database.backend(), std::string(request.param("code").value_or("")));
  if (!order || !may_pay(user, *order))
    throw http::HttpError(404, "not_found", messages::kNotFound);
  if (!config.vietqr_enabled())
    throw http::HttpError(503, "method_unavailable", messages::kMethodUnavailable);
  const auto payload =
      core::vietqr_payload({config.vietqr_bin, config.vietqr_account, order->amount, order->code});
  if (!payload) throw http::HttpError(503, "method_unavailable", messages::kMethodUnavailable);
  if (!start_payment(sql, *order, "vietqr", now_seconds(deps)))
    throw http::HttpError(409, "not_payable", messages::kNotPayable);
  return http::Response::json(200, {{"payload", *payload},
                                    {"amount", order->amount},
                                    {"bank_bin", config.vietqr_bin},
                                    {"account", config.vietqr_account},
                                    {"expires_at", core::format_rfc3339(order->expires_at)}});
}

bool signed_by_bank(const PaymentsDeps& deps, const http::Request& request) {
  const std::string timestamp(request.header("X-Signature-Timestamp").value_or(""));
  const std::string signature(request.header("X-Signature").value_or(""));
  char* end = nullptr;
  const long long at = std::strtoll(timestamp.c_str(), &end, 10);
  if (timestamp.empty() || *end != '\0' || std::llabs(at - now_seconds(deps)) > kSignatureWindow)
    return false;
  return security::constant_time_equals(
      signature, security::hmac_sha256_hex(deps.config.payments.vietqr_secret,
                                           timestamp + "." + request.body));
}

http::Response answer(const char* result) {
  return http::Response::json(200, {{"result", result}});
}

http::Response notify(const PaymentsDeps& deps, const http::Request& request) {
  const PaymentsConfig& config = deps.config.payments;
  if (!config.vietqr_enabled() || !signed_by_bank(deps, request))
    throw http::HttpError(401, "invalid_signature", "Chữ ký không hợp lệ.");
  const nlohmann::json body = http::parse_json_object(request);
  const std::string code = body.value("order_code", "");
  const std::string transaction = body.value("transaction_id", "");
  const auto amount = body.find("amount");
  const long long now = now_seconds(deps);
  soci::session sql(deps.database.pool());
  db::Transaction tx(sql, deps.database.backend());
  auto order = code.empty() ? std::nullopt : find_order(sql, deps.database.backend(), code, true);
  const auto keep = [&](std::optional<long long> id, const char* outcome) {
    record_event(sql, id, "vietqr", outcome, request.body, now);
    tx.commit();
    return answer(outcome);
  };
  if (body.value("account_no", "") != config.vietqr_account ||
      body.value("bank_bin", "") != config.vietqr_bin || transaction.empty())
    return keep(order ? std::optional(order->id) : std::nullopt, "not_ours");
  if (!order) return keep(std::nullopt, "order_not_found");
  if (amount == body.end() || !amount->is_number_integer() ||
      amount->get<long long>() != order->amount)
    return keep(order->id, "bad_amount");
  if (!is_open(*order)) {
    // The same transfer told twice, or a second transfer for a paid order (to refund).
    return keep(order->id,
                order->gateway_transaction == transaction ? "duplicate" : "already_paid");
  }
  if (!book_paid(deps, sql, *order, "vietqr", transaction, config.vietqr_bin, now))
    return keep(order->id, "ignored");
  return keep(order->id, "booked");
}

}  // namespace

void register_vietqr_routes(http::Router& router, const PaymentsDeps& deps) {
  router.post("/api/v1/payments/orders/{code}/vietqr",
              [deps](const http::Request& request) { return qr(deps, request); });
  router.post("/api/v1/payments/vietqr/notify",
              [deps](const http::Request& request) { return notify(deps, request); });
}

}  // namespace cdscb::server::payments
