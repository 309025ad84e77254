#include "modules/payments/booking.h"

#include "modules/payments/delivery.h"
#include "util/log.h"

namespace cdscb::server::payments {

bool is_open(const Order& order) {
  return order.status == core::OrderStatus::kCreated ||
         order.status == core::OrderStatus::kPending || order.status == core::OrderStatus::kExpired;
}

integrations::vnpay::Merchant vnpay_merchant(const PaymentsConfig& config) {
  return {config.vnpay_url + "/paymentv2/vpcpay.html",
          config.vnpay_url + "/merchant_webapi/api/transaction", config.vnpay_tmn_code,
          config.vnpay_hash_secret};
}

std::string order_info(const Order& order) {
  return (order.purpose == kPurposeDossierFee ? "Thanh toan phi ho so " : "Thanh toan hoa don ") +
         order.code;
}

namespace {

// A dossier fee has nothing to deliver to a provider: the dossier takes it now, in the booking's
// transaction, so the order is delivered exactly when the dossier says paid.
void deliver_to_dossier(const PaymentsDeps& deps, soci::session& sql, Order& order, long long now) {
  const std::string problem =
      deps.dossier_fee_paid ? deps.dossier_fee_paid(sql, order, now) : "dossiers module not wired";
  if (!problem.empty()) {
    set_delivery_problem(sql, order.id, problem);
    record_event(sql, order.id, "dossier", "refused", problem, now);
    util::log_warn("payments: fee order " + order.code + " paid but not taken: " + problem);
    return;
  }
  order.delivered_at = now;
  if (change_status(sql, order, core::OrderStatus::kPaid, core::OrderEvent::kDeliver, now))
    order.status = core::OrderStatus::kDelivered;
  record_event(sql, order.id, "dossier", "delivered", order.customer_code, now);
}

}  // namespace

bool book_paid(const PaymentsDeps& deps, soci::session& sql, Order& order,
               const std::string& method, const std::string& transaction,
               const std::string& bank_code, long long now) {
  if (!is_open(order)) return false;
  core::OrderStatus from = order.status;
  // A QR paid without the order being started (a saved QR) is started first.
  if (from == core::OrderStatus::kCreated) {
    if (!start_payment(sql, order, method, now, false)) return false;
    from = core::OrderStatus::kPending;
  }
  order.paid_at = now;
  order.paid_amount = order.amount;
  order.gateway_transaction = transaction;
  order.bank_code = bank_code;
  if (!change_status(sql, order, from, core::OrderEvent::kPay, now)) return false;
  order.status = core::OrderStatus::kPaid;
  if (order.purpose == kPurposeDossierFee)
    deliver_to_dossier(deps, sql, order, now);
  else
    queue_delivery(deps.jobs, sql, order);
  util::log_info("payments: order " + order.code + " paid (" + method + " " + transaction + ")");
  return true;
}

}  // namespace cdscb::server::payments
