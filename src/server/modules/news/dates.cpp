#include "modules/news/dates.h"

#include <array>
#include <charconv>
#include <ctime>
#include <string>

#include "util/strings.h"

namespace cdscb::server::news {
namespace {

std::optional<int> number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<long long> to_unix(int year, int month, int day, int hour, int minute, int second) {
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 60 || hour < 0 || minute < 0 || second < 0) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return static_cast<long long>(timegm(&tm));
}

// "+07:00", "+0700", "Z", "GMT", "EST", … → seconds east of UTC.
std::optional<long long> zone_offset(std::string_view zone) {
  if (zone == "Z" || zone == "z" || zone == "GMT" || zone == "UT" || zone == "UTC") return 0;
  static constexpr std::array<std::pair<std::string_view, int>, 8> kUs = {{{"EST", -5},
                                                                           {"EDT", -4},
                                                                           {"CST", -6},
                                                                           {"CDT", -5},
                                                                           {"MST", -7},
                                                                           {"MDT", -6},
                                                                           {"PST", -8},
                                                                           {"PDT", -7}}};
  for (const auto& [name, hours] : kUs) {
    if (zone == name) return hours * 3600LL;
  }
  if (zone.size() < 5 || (zone[0] != '+' && zone[0] != '-')) return std::nullopt;
  std::string digits;
  for (const char c : zone.substr(1)) {
    if (c != ':') digits += c;
  }
  if (digits.size() != 4) return std::nullopt;
  const auto hours = number(std::string_view(digits).substr(0, 2));
  const auto minutes = number(std::string_view(digits).substr(2, 2));
  if (!hours || !minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  const long long offset = *hours * 3600LL + *minutes * 60LL;
  return zone[0] == '-' ? -offset : offset;
}

}  // namespace

std::optional<long long> parse_rfc822(std::string_view text) {
  text = util::trim(text);
  if (const std::size_t comma = text.find(','); comma != std::string_view::npos) {
    text = util::trim(text.substr(comma + 1));
  }
  const auto parts = util::split(text, ' ');
  std::vector<std::string_view> words;
  for (const auto part : parts) {
    if (!part.empty()) words.push_back(part);
  }
  if (words.size() < 4) return std::nullopt;
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string month_name = util::to_lower(words[1].substr(0, 3));
  int month = 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == month_name) month = static_cast<int>(i) + 1;
  }
  const auto day = number(words[0]);
  auto year = number(words[2]);
  if (!day || !year || month == 0) return std::nullopt;
  if (*year < 100) *year += *year < 70 ? 2000 : 1900;
  const auto clock = util::split(words[3], ':');
  if (clock.size() < 2 || clock.size() > 3) return std::nullopt;
  const auto hour = number(clock[0]);
  const auto minute = number(clock[1]);
  const auto second = clock.size() == 3 ? number(clock[2]) : std::optional<int>(0);
  if (!hour || !minute || !second) return std::nullopt;
  const auto offset = words.size() > 4 ? zone_offset(words[4]) : std::optional<long long>(0);
  const auto local = to_unix(*year, month, *day, *hour, *minute, *second);
  if (!offset || !local) return std::nullopt;
  return *local - *offset;
}

}  // namespace cdscb::server::news
