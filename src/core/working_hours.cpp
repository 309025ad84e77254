#include "core/working_hours.h"

#include <algorithm>

namespace core {
namespace {

constexpr long long kDay = 24 * 3600;
// Working intervals of a weekday, in seconds after local midnight.
constexpr long long kIntervals[][2] = {{7 * 3600 + 1800, 11 * 3600 + 1800},
                                       {13 * 3600 + 1800, 17 * 3600}};

long long floor_div(long long a, long long b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// 0 = Monday … 6 = Sunday, for a count of local days since 1970-01-01 (a Thursday).
int weekday(long long day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

}  // namespace

long long add_working_minutes(long long start, long long minutes) {
  long long remaining = std::max(0LL, minutes) * 60;
  const long long local = start + kVietnamUtcOffset;
  long long day = floor_div(local, kDay);
  long long at = local - day * kDay;  // seconds after local midnight
  // At most a few weeks of walking for any real deadline; each step moves at least one interval.
  while (true) {
    if (weekday(day) < 5) {
      for (const auto& interval : kIntervals) {
        if (at >= interval[1]) continue;
        const long long from = std::max(at, interval[0]);
        const long long available = interval[1] - from;
        if (remaining <= available && remaining > 0) {
          return day * kDay + from + remaining - kVietnamUtcOffset;
        }
        if (remaining == 0) return day * kDay + from - kVietnamUtcOffset;
        remaining -= available;
        at = interval[1];
      }
    }
    ++day;
    at = 0;
  }
}

long long receive_deadline(long long start) {
  return add_working_minutes(start, kReceiveWithinMinutes);
}

long long answer_deadline(long long start, int days) {
  return add_working_minutes(start, static_cast<long long>(std::max(days, 0)) * kWorkingDayMinutes);
}

}  // namespace core
