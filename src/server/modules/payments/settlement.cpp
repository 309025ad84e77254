#include "modules/payments/settlement.h"

#include <soci/soci.h>

#include "integrations/vnpay/merchant_api.h"
#include "modules/payments/booking.h"
#include "util/log.h"

namespace cdscb::server::payments {
namespace {

constexpr long long kBatch = 50;

std::vector<std::string> due_codes(const PaymentsDeps& deps, long long now) {
  soci::session sql(deps.database.pool());
  std::vector<std::string> codes;
  std::string code;
  soci::statement st =
      (sql.prepare << "SELECT code FROM payment_orders WHERE status IN ('created', 'pending') AND "
                      "expires_at <= :now ORDER BY expires_at LIMIT :batch",
       soci::use(now), soci::use(kBatch), soci::into(code));
  st.execute();
  while (st.fetch()) codes.push_back(code);
  return codes;
}

// What the gateway says of a pending VNPay order; nullopt when it could not be asked.
std::optional<integrations::vnpay::QueryAnswer> ask_gateway(const PaymentsDeps& deps,
                                                            const Order& order, long long now) {
  if (!deps.config.payments.vnpay_enabled() || !order.gateway_started_at) return std::nullopt;
  integrations::HttpCall call = deps.outbound;
  call.timeout = std::chrono::seconds(10);
  std::string error;
  auto answer = integrations::vnpay::querydr(
      vnpay_merchant(deps.config.payments),
      {order.code, order_info(order), *order.gateway_started_at, "127.0.0.1", now}, call, error);
  if (!answer) util::log_warn("payments: querydr for " + order.code + " failed: " + error);
  return answer;
}

// One order, in its own transaction, read again locked: it may have been paid meanwhile.
void settle(const PaymentsDeps& deps, const std::string& code, long long now, Settled& settled) {
  std::optional<Order> order;
  {
    soci::session sql(deps.database.pool());
    order = find_order(sql, deps.database.backend(), code);
  }
  if (!order) return;
  std::optional<integrations::vnpay::QueryAnswer> answer;
  if (order->status == core::OrderStatus::kPending && order->method == "vnpay")
    answer = ask_gateway(deps, *order, now);
  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  auto current = find_order(sql, deps.database.backend(), code, true);
  if (!current || (current->status != core::OrderStatus::kCreated &&
                   current->status != core::OrderStatus::kPending))
    return;
  const bool past_grace = now >= current->expires_at + kGrace;
  if (answer) {
    const bool right_amount = answer->amount_vnd == current->amount;
    const char* outcome = answer->paid() && right_amount ? "booked"
                          : answer->paid()               ? "bad_amount"
                          : answer->response_code == "00" && answer->transaction_status == "02"
                              ? "failed"
                              : "not_paid";
    record_event(sql, current->id, "vnpay_querydr", outcome, answer->raw, now);
    if (answer->paid() && right_amount) {
      if (book_paid(deps, sql, *current, "vnpay", answer->transaction_no, answer->bank_code, now))
        ++settled.booked;
      transaction.commit();
      return;
    }
    if (std::string(outcome) == "failed" &&
        change_status(sql, *current, current->status, core::OrderEvent::kFail, now)) {
      ++settled.failed;
      transaction.commit();
      return;
    }
  }
  const bool expire_now = current->status == core::OrderStatus::kCreated || past_grace;
  if (expire_now && change_status(sql, *current, current->status, core::OrderEvent::kExpire, now))
    ++settled.expired;
  transaction.commit();
}

}  // namespace

Settled settle_expired_orders(const PaymentsDeps& deps) {
  Settled settled;
  const long long now = now_seconds(deps);
  for (const std::string& code : due_codes(deps, now)) settle(deps, code, now, settled);
  if (settled.expired + settled.booked + settled.failed > 0) {
    util::log_info("payments: " + std::to_string(settled.booked) + " booked by querydr, " +
                   std::to_string(settled.failed) + " failed, " + std::to_string(settled.expired) +
                   " expired");
  }
  return settled;
}

}  // namespace cdscb::server::payments
