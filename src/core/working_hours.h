#pragma once
// Working-hours deadlines for feedback: offices in Cao Bằng work Monday to Friday, 7:30–11:30 and
// 13:30–17:00 Vietnam time (UTC+7, no daylight saving), except on public holidays (Labour Code
// 2019 art. 112) and the days off the government announces each year; a Saturday the government
// makes a working day (to swap it for a bridge day) counts like a weekday.
#include <optional>
#include <set>
#include <string_view>

namespace cdscb::core {

inline constexpr long long kVietnamUtcOffset = 7 * 3600;
// One working day: 4 hours in the morning, 3.5 in the afternoon.
inline constexpr long long kWorkingDayMinutes = 450;
// Officials must receive (Tiếp nhận) feedback within 8 working hours.
inline constexpr long long kReceiveWithinMinutes = 8 * 60;

// Calendar days (day numbers: days since 1970-01-01, Vietnam's calendar) that differ from the
// Monday–Friday week. Data an operator edits (data/holidays.csv, the admin API), not code.
struct WorkCalendar {
  std::set<long long> days_off;      // holidays and compensatory days off
  std::set<long long> working_days;  // make-up working days on a Saturday or Sunday
};

// "YYYY-MM-DD" naming a real date → its day number; nullopt otherwise.
std::optional<long long> parse_calendar_day(std::string_view text);

// Whether offices work on the day (day number) under `calendar`.
bool is_working_day(long long day, const WorkCalendar& calendar);

// The moment (Unix seconds) `minutes` of working time after `start`. Time outside working hours
// does not count: feedback sent on Saturday starts counting on Monday at 7:30, feedback sent
// during Tết on the first working day after it.
long long add_working_minutes(long long start, long long minutes, const WorkCalendar& calendar);

// Receive deadline: 8 working hours after `start`.
long long receive_deadline(long long start, const WorkCalendar& calendar);
// Answer deadline: `days` working days (of 7.5 working hours) after `start`.
long long answer_deadline(long long start, int days, const WorkCalendar& calendar);

}  // namespace cdscb::core
