#include "core/time_text.h"

#include <date/date.h>

#include <cstdio>
#include <locale>
#include <sstream>

namespace cdscb::core {
namespace {

constexpr long long kVietnamOffset = 7 * 3600;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct Civil {
  long long year;
  unsigned month, day;
};

Civil civil_from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<long long>(yoe) + era * 400 + (m <= 2), m, d};
}

// The number in text[at, at+width) when all are digits, else -1.
int digits(std::string_view text, std::size_t at, std::size_t width) {
  if (at + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<long long> parse_rfc3339(std::string_view text) {
  // RFC 3339 allows "t" and "z" in lower case; date's %F, %T and "Z" want them upper.
  std::string upper(text);
  for (char& c : upper) {
    if (c == 't' || c == 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  // A fraction down to microseconds; the offset as "Z" or "+07:00" / "-05:30".
  const bool utc = upper.ends_with('Z');
  if (utc) upper.pop_back();
  std::istringstream in(upper);
  in.imbue(std::locale::classic());
  date::sys_time<std::chrono::microseconds> moment;
  std::chrono::minutes offset{0};
  if (utc) {
    in >> date::parse("%FT%T", moment);
  } else {
    in >> date::parse("%FT%T%Ez", moment, offset);
  }
  // The whole text, and a full "HH:MM" offset (%Ez also takes "+07").
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  if (!utc && (upper.size() < 6 || upper[upper.size() - 3] != ':')) return std::nullopt;
  // For a sys_time, date::parse has already taken the offset off.
  return std::chrono::floor<std::chrono::seconds>(moment).time_since_epoch().count();
}

namespace {

struct DateTime {
  Civil date;
  long long hour, minute, second;
};

DateTime date_time_of(long long seconds) {
  long long days = seconds / 86400, rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  return {civil_from_days(days), rest / 3600, rest % 3600 / 60, rest % 60};
}

}  // namespace

std::string vietnam_time_text(long long unix_seconds) {
  const DateTime t = date_time_of(unix_seconds + kVietnamOffset);
  char out[32];
  std::snprintf(out, sizeof out, "%02lld:%02lld %02u/%02u/%04lld", t.hour, t.minute, t.date.day,
                t.date.month, t.date.year);
  return out;
}

std::string vietnam_date_time_text(long long unix_seconds) {
  const DateTime t = date_time_of(unix_seconds + kVietnamOffset);
  char out[32];
  std::snprintf(out, sizeof out, "%02u/%02u/%04lld %02lld:%02lld", t.date.day, t.date.month,
                t.date.year, t.hour, t.minute);
  return out;
}

std::string vietnam_day_text(std::string_view yyyy_mm_dd) {
  const std::string_view t = yyyy_mm_dd;
  const int year = digits(t, 0, 4), month = digits(t, 5, 2), day = digits(t, 8, 2);
  if (t.size() != 10 || t[4] != '-' || t[7] != '-' || year < 0 || month < 1 || month > 12 ||
      day < 1 || day > 31)
    return std::string(t);
  char out[16];
  std::snprintf(out, sizeof out, "%02d/%02d/%04d", day, month, year);
  return out;
}

std::string format_rfc3339(long long unix_seconds) {
  const DateTime t = date_time_of(unix_seconds);
  char out[32];
  std::snprintf(out, sizeof out, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", t.date.year,
                t.date.month, t.date.day, t.hour, t.minute, t.second);
  return out;
}

std::string vietnam_compact_time(long long unix_seconds) {
  const DateTime t = date_time_of(unix_seconds + kVietnamOffset);
  char out[32];
  std::snprintf(out, sizeof out, "%04lld%02u%02u%02lld%02lld%02lld", t.date.year, t.date.month,
                t.date.day, t.hour, t.minute, t.second);
  return out;
}

std::optional<long long> parse_vietnam_compact_time(std::string_view text) {
  if (text.size() != 14) return std::nullopt;
  std::istringstream in{std::string(text)};
  in.imbue(std::locale::classic());
  date::local_seconds local;
  in >> date::parse("%Y%m%d%H%M%S", local);
  if (in.fail()) return std::nullopt;
  return local.time_since_epoch().count() - kVietnamOffset;
}

long long day_number(int year, unsigned month, unsigned day) {
  return days_from_civil(year, month, day);
}

std::string iso_date(long long day_number) {
  const Civil date = civil_from_days(day_number);
  char out[16];
  std::snprintf(out, sizeof out, "%04lld-%02u-%02u", date.year, date.month, date.day);
  return out;
}

}  // namespace cdscb::core
