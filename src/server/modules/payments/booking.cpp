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

std::string order_info(const Order& order) { return "Thanh toan hoa don " + order.code; }

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
  queue_delivery(deps.jobs, sql, order);
  util::log_info("payments: order " + order.code + " paid (" + method + " " + transaction + ")");
  return true;
}

}  // namespace cdscb::server::payments
