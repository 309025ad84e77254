#pragma once
// Money is integer VND everywhere (no fractions of a đồng exist in practice); this is how an
// amount is written for a citizen.
#include <cstdint>
#include <string>

namespace cdscb::core {

// 1234567 → "1.234.567 ₫" (Vietnamese grouping with dots, the đồng sign after a space).
std::string format_vnd(std::int64_t amount);

}  // namespace cdscb::core
