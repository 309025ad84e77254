#pragma once
// Times as the API sends them (RFC 3339 UTC) shown the way people in Vietnam read them: local
// time (UTC+7, no daylight saving) as "14:05 26/11/2026".
#include <optional>
#include <string>
#include <string_view>

namespace cdscb::core {

// "2026-11-26T07:05:00Z" (fraction and offsets accepted) → Unix seconds; nullopt when malformed.
std::optional<long long> parse_rfc3339(std::string_view text);

// Unix seconds → "HH:MM dd/mm/yyyy" in Vietnam's time (when something happened to a session).
std::string vietnam_time_text(long long unix_seconds);

// Unix seconds → "dd/mm/yyyy HH:MM" in Vietnam's time (dates of news, feedback and alerts).
std::string vietnam_date_time_text(long long unix_seconds);

// A calendar day "2026-01-01" (holidays) → "01/01/2026"; the text unchanged when malformed.
std::string vietnam_day_text(std::string_view yyyy_mm_dd);

// Unix seconds → "2026-11-26T07:05:00Z", as the API takes times.
std::string format_rfc3339(long long unix_seconds);

// Unix seconds → "20261202091500" (yyyyMMddHHmmss in Vietnam's time, GMT+7), the payment
// gateway's format (VNPay's vnp_CreateDate, vnp_PayDate), and back; nullopt when malformed.
std::string vietnam_compact_time(long long unix_seconds);
std::optional<long long> parse_vietnam_compact_time(std::string_view text);

// Days since 1970-01-01 of a Gregorian date, and back to "YYYY-MM-DD" (calendar days such as
// public holidays, which are dates rather than moments).
long long day_number(int year, unsigned month, unsigned day);
std::string iso_date(long long day_number);

}  // namespace cdscb::core
