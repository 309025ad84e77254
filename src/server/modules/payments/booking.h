// Booking a payment: the one place an order becomes paid, whoever told us (VNPay's IPN, the
// answer to querydr, the collecting bank's VietQR notice). The caller holds the order locked in a
// Transaction and has checked the amount; an order already paid, failed or refunded is not
// booked again. A bill order's delivery is queued; a dossier fee is taken by its dossier at once.
#pragma once

#include <soci/soci.h>

#include <string>

#include "integrations/vnpay/gateway.h"
#include "modules/payments/orders.h"
#include "modules/payments/routes.h"

namespace cdscb::server::payments {

// True when `order` was open (created, pending or expired) and is now paid, with its delivery
// to the provider queued in the same transaction.
bool book_paid(const PaymentsDeps& deps, soci::session& sql, Order& order,
               const std::string& method, const std::string& transaction,
               const std::string& bank_code, long long now);

bool is_open(const Order& order);

// The VNPay merchant of the config (its URLs under --vnpay-url).
integrations::vnpay::Merchant vnpay_merchant(const PaymentsConfig& config);

// "Thanh toan hoa don <code>": the order's vnp_OrderInfo (ASCII, as VNPay asks).
std::string order_info(const Order& order);

}  // namespace cdscb::server::payments
