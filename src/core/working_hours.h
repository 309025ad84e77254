#pragma once
// Working-hours deadlines for feedback: offices in Cao Bằng work Monday to Friday, 7:30–11:30 and
// 13:30–17:00 Vietnam time (UTC+7, no daylight saving). Public holidays are not in this table yet:
// a deadline falling over Tết is later in reality than computed here.
namespace core {

inline constexpr long long kVietnamUtcOffset = 7 * 3600;
// One working day: 4 hours in the morning, 3.5 in the afternoon.
inline constexpr long long kWorkingDayMinutes = 450;
// Officials must receive (Tiếp nhận) feedback within 8 working hours.
inline constexpr long long kReceiveWithinMinutes = 8 * 60;

// The moment (Unix seconds) `minutes` of working time after `start`. Time outside working hours
// does not count: feedback sent on Saturday starts counting on Monday at 7:30.
long long add_working_minutes(long long start, long long minutes);

// Receive deadline: 8 working hours after `start`.
long long receive_deadline(long long start);
// Answer deadline: `days` working days (of 7.5 working hours) after `start`.
long long answer_deadline(long long start, int days);

}  // namespace core
