#include "core/money.h"

namespace cdscb::core {

std::string format_vnd(std::int64_t amount) {
  const bool negative = amount < 0;
  // Through unsigned so that the smallest int64 has a magnitude too.
  std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(amount) : amount;
  std::string digits = std::to_string(magnitude);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += '.';
    grouped += digits[i];
  }
  return (negative ? "-" : "") + grouped + " ₫";
}

}  // namespace cdscb::core
