// Delivery: once the money is booked (paid), the provider must confirm the bills paid. That is a
// job (jobs/jobs.h), retried with backoff while the provider is down or refuses for now, so a
// paid order is never forgotten; "paid but not yet delivered" is a state the citizen and the
// admin see. A provider that refuses for good leaves the order paid with its reason, for an
// admin to settle (refund).
#pragma once

#include <soci/soci.h>

#include <string_view>

#include "modules/payments/orders.h"
#include "modules/payments/routes.h"

namespace cdscb::server::payments {

inline constexpr std::string_view kDeliverJob = "payments.deliver";

void register_delivery(const PaymentsDeps& deps);

// Queues the delivery of `order` in the caller's transaction (the one that booked it).
void queue_delivery(jobs::Jobs& jobs, soci::session& sql, const Order& order);

}  // namespace cdscb::server::payments
