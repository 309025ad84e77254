// Orders whose time ran out: a created one expires and releases its bills; a pending VNPay one is
// first asked about with querydr (its IPN may never have come), booked if the gateway says it was
// paid, failed if it says so, and expired only once the gateway says it was not paid and a grace
// period has passed; a pending VietQR one expires after the grace period (a late transfer still
// books it: core/payment_order.h). Runs on the server's timer; no session is held while the
// gateway answers.
#pragma once

#include <chrono>

#include "modules/payments/routes.h"

namespace cdscb::server::payments {

inline constexpr std::chrono::seconds kSettleInterval{60};
// How long after its expiry a pending order is still given to complete.
inline constexpr long long kGrace = 15 * 60;

struct Settled {
  int expired = 0;
  int booked = 0;
  int failed = 0;
};

Settled settle_expired_orders(const PaymentsDeps& deps);

}  // namespace cdscb::server::payments
