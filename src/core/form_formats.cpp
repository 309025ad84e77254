// The formats of single form values: phone numbers, personal numbers, typed numbers, media ids.
#include <algorithm>
#include <cstdlib>

#include "core/form_validation.h"

namespace cdscb::core {
namespace {

// Province codes of the place of birth registration, digits 1–3 of a personal number (Circular
// 07/2016/TT-BCA, the 63 provinces before the 2025 merger; numbers issued earlier keep them and
// the merged provinces kept one of their codes). Written from that circular's list, which an
// official should confirm.
constexpr std::string_view kProvinceCodes[] = {
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
    "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
    "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
    "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
    "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool is_media_id(std::string_view text) {
  return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
           return is_digit(c) || (c >= 'a' && c <= 'f');
         });
}

std::optional<std::string> normalize_form_phone(std::string_view text) {
  std::string digits;
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  if (text.substr(i).starts_with("+84")) {
    digits = "0";
    i += 3;
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      digits += c;
    } else if (c != ' ' && c != '.' && c != '-') {
      return std::nullopt;
    }
  }
  // After "+84" a leading 0 of the national number is sometimes typed too.
  if (digits.starts_with("00")) digits.erase(0, 1);
  if (!digits.starts_with("0") || digits.starts_with("00")) return std::nullopt;
  if (digits.size() != 10 && digits.size() != 11) return std::nullopt;
  return digits;
}

bool is_personal_number(std::string_view text, Date today) {
  if (text.size() != 12 || !std::all_of(text.begin(), text.end(), is_digit)) return false;
  if (std::find(std::begin(kProvinceCodes), std::end(kProvinceCodes), text.substr(0, 3)) ==
      std::end(kProvinceCodes))
    return false;
  // Digit 4: 0/1 born in the 1900s (male/female), 2/3 the 2000s, 4/5 the 2100s, and so on.
  const int century = 1900 + ((text[3] - '0') / 2) * 100;
  const int year = century + (text[4] - '0') * 10 + (text[5] - '0');
  return year <= today.year && year >= today.year - 150;
}

std::optional<double> parse_form_number(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return std::nullopt;
  text = text.substr(first, text.find_last_not_of(' ') - first + 1);
  std::string plain;
  std::size_t i = 0;
  if (text[0] == '-') {
    plain = "-";
    i = 1;
  }
  const std::string_view body = text.substr(i);
  const auto comma = body.find(',');
  const std::string_view whole = body.substr(0, comma);
  // Dots in the whole part group thousands ("1.234.567") when every group has three digits;
  // a single dot with other than three digits after it is a decimal point ("12.5").
  const bool grouped = whole.find('.') != std::string_view::npos &&
                       (comma != std::string_view::npos || whole.size() - whole.rfind('.') == 4);
  for (std::size_t k = 0; k < whole.size(); ++k) {
    const char c = whole[k];
    if (is_digit(c)) {
      plain += c;
    } else if (c == '.' && grouped) {
      if (k == 0 || (whole.size() - k - 1) % 4 != 3) return std::nullopt;
    } else if (c == '.' && plain.find('.') == std::string::npos && k > 0) {
      plain += '.';
    } else {
      return std::nullopt;
    }
  }
  if (comma != std::string_view::npos) {
    const std::string_view fraction = body.substr(comma + 1);
    if (fraction.empty() || !std::all_of(fraction.begin(), fraction.end(), is_digit))
      return std::nullopt;
    plain += '.';
    plain += fraction;
  }
  if (plain.empty() || plain == "-" || plain.back() == '.') return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(plain.c_str(), &end);
  if (end != plain.c_str() + plain.size()) return std::nullopt;
  return value;
}

}  // namespace cdscb::core
