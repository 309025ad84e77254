#include "core/profile.h"

#include "core/accounts.h"
#include "core/communes.h"
#include "core/text.h"

namespace cdscb::core {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool valid_local_part(std::string_view local) {
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') {
    return false;
  }
  constexpr std::string_view kAllowed = ".!#$%&'*+/=?^_`{|}~-";
  char previous = 0;
  for (const char c : local) {
    if (!is_alpha(c) && !is_digit(c) && kAllowed.find(c) == std::string_view::npos) return false;
    if (c == '.' && previous == '.') return false;
    previous = c;
  }
  return true;
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) return false;
  int labels = 0;
  while (true) {
    const std::size_t dot = domain.find('.');
    const std::string_view label = domain.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (const char c : label) {
      if (!is_alpha(c) && !is_digit(c) && c != '-') return false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return labels >= 2;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return std::nullopt;
  }
  const auto number = [&](std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  Date date{number(0, 4), number(5, 2), number(8, 2)};
  if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > days_in_month(date.year, date.month)) {
    return std::nullopt;
  }
  return date;
}

std::optional<std::string> validate_birth_date(std::string_view input, Date today) {
  const auto date = parse_date(trim(input));
  if (!date) return std::string(kBirthDateFormat);
  if (*date > today) return std::string(kBirthDateInFuture);
  // Born on 29 February: the oldest allowed birthday compares against 28 February, which is
  // earlier, so the bound stays on the safe side.
  Date oldest{today.year - kMaxAgeYears, today.month, today.day};
  if (oldest.month == 2 && oldest.day == 29 && !is_leap(oldest.year)) oldest.day = 28;
  if (*date < oldest) return std::string(kBirthDateTooOld);
  return std::nullopt;
}

std::optional<std::string> validate_gender(std::string_view input) {
  if (input == "nam" || input == "nu" || input == "khac") return std::nullopt;
  return std::string(kGenderInvalid);
}

std::optional<std::string> validate_commune(std::string_view input) {
  if (find_commune(input)) return std::nullopt;
  return std::string(kCommuneInvalid);
}

std::string normalize_street(std::string_view input) {
  std::string out;
  bool space = false;
  for (const char c : trim(input)) {
    if (is_blank(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::optional<std::string> validate_street(std::string_view input) {
  const std::string street = normalize_street(input);
  if (!is_valid_utf8(street)) return std::string(kInvalidText);
  for (const char c : street) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return std::string(kInvalidText);
  }
  if (count_code_points(street) > kStreetMaxLength) return std::string(kStreetTooLong);
  return std::nullopt;
}

std::string normalize_email(std::string_view input) {
  std::string email(trim(input));
  const std::size_t at = email.rfind('@');
  if (at == std::string::npos) return email;
  for (std::size_t i = at + 1; i < email.size(); ++i) {
    if (email[i] >= 'A' && email[i] <= 'Z') email[i] = static_cast<char>(email[i] - 'A' + 'a');
  }
  return email;
}

std::optional<std::string> validate_email(std::string_view input) {
  const std::string email = normalize_email(input);
  if (email.size() > kEmailMaxLength) return std::string(kEmailTooLong);
  const std::size_t at = email.find('@');
  if (at == std::string::npos || email.find('@', at + 1) != std::string::npos) {
    return std::string(kEmailInvalid);
  }
  const std::string_view view(email);
  if (!valid_local_part(view.substr(0, at)) || !valid_domain(view.substr(at + 1))) {
    return std::string(kEmailInvalid);
  }
  return std::nullopt;
}

}  // namespace cdscb::core
