// Bounds on what one account may ask of the bill providers: enough for a family's bills, too few
// to walk the customer codes of a district.
#pragma once

#include "http/rate_limit.h"

namespace cdscb::server::payments {

inline constexpr http::RateLimit kLookupPerHour{"payments_lookup", 30, 3600};
inline constexpr http::RateLimit kLookupPerDay{"payments_lookup", 100, 86400};
inline constexpr http::RateLimit kOrdersPerDay{"payments_order", 50, 86400};

// An order unpaid this long expires and releases its bills (VNPay's vnp_ExpireDate too).
inline constexpr long long kOrderLifetime = 15 * 60;

}  // namespace cdscb::server::payments
