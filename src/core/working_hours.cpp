#include "core/working_hours.h"

#include <algorithm>

#include "core/profile.h"
#include "core/time_text.h"

namespace cdscb::core {
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

// Walking stops after this many days without working time (a calendar of nothing but holidays):
// the deadline is then the start itself rather than a loop without end.
constexpr long long kMaxDaysWalked = 3660;

}  // namespace

std::optional<long long> parse_calendar_day(std::string_view text) {
  const auto date = parse_date(text);
  if (!date) return std::nullopt;
  return day_number(date->year, static_cast<unsigned>(date->month),
                    static_cast<unsigned>(date->day));
}

bool is_working_day(long long day, const WorkCalendar& calendar) {
  if (calendar.days_off.contains(day)) return false;
  return weekday(day) < 5 || calendar.working_days.contains(day);
}

long long add_working_minutes(long long start, long long minutes, const WorkCalendar& calendar) {
  long long remaining = std::max(0LL, minutes) * 60;
  const long long local = start + kVietnamUtcOffset;
  long long day = floor_div(local, kDay);
  long long at = local - day * kDay;  // seconds after local midnight
  // At most a few weeks of walking for any real deadline; each step moves at least one interval.
  for (long long walked = 0; walked < kMaxDaysWalked; ++walked) {
    if (is_working_day(day, calendar)) {
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
  return start;
}

long long receive_deadline(long long start, const WorkCalendar& calendar) {
  return add_working_minutes(start, kReceiveWithinMinutes, calendar);
}

long long answer_deadline(long long start, int days, const WorkCalendar& calendar) {
  return add_working_minutes(start, static_cast<long long>(std::max(days, 0)) * kWorkingDayMinutes,
                             calendar);
}

}  // namespace cdscb::core
