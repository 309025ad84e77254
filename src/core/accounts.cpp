#include "core/accounts.h"

#include "core/text.h"

namespace cdscb::core {
namespace {

// Every precomposed letter of the Vietnamese alphabet beyond ASCII, lower and upper case.
constexpr std::u32string_view kVietnameseLetters =
    U"àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    U"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";

// Passwords that guessing lists try first; compared in ASCII lower case.
constexpr std::string_view kCommonPasswords[] = {
    "12345678",    "123456789",   "1234567890",    "0123456789",  "0987654321",  "87654321",
    "11111111",    "00000000",    "88888888",      "66666666",    "99999999",    "12341234",
    "12344321",    "11223344",    "12121212",      "123123123",   "147258369",   "123654789",
    "789456123",   "741852963",   "159753456",     "123456789a",  "a1234567",    "aa123456",
    "123456aa",    "123456abc",   "abc12345",      "abc123456",   "abcd1234",    "abcdefgh",
    "abcdef123",   "asd123456",   "password",      "password1",   "password12",  "password123",
    "passw0rd",    "p@ssw0rd",    "p@ssword",      "matkhau",     "matkhau1",    "matkhau123",
    "matkhau@123", "matkhaumoi",  "qwerty12",      "qwerty123",   "qwerty1234",  "qwertyuiop",
    "qwer1234",    "1qaz2wsx",    "1q2w3e4r",      "1q2w3e4r5t",  "zaq12wsx",    "123qweasd",
    "qweasdzxc",   "asdfghjk",    "asdfghjkl",     "zxcvbnm1",    "zxcvbnm123",  "admin123",
    "admin1234",   "admin@123",   "administrator", "welcome1",    "welcome123",  "letmein1",
    "changeme",    "secret123",   "iloveyou",      "iloveyou1",   "iloveyou123", "loveyou1",
    "anhyeuem",    "anhyeuem123", "emyeuanh",      "yeuemmaimai", "vietnam1",    "vietnam123",
    "hanoi123",    "saigon123",   "caobang1",      "caobang123",  "congdanso",   "congdanso123",
    "sunshine",    "princess",    "football",      "baseball",    "superman",    "starwars",
    "trustno1",    "dragon123",   "monkey123",     "master123",   "whatever",    "computer",
    "internet",    "samsung1",    "nokia123",      "google123",   "facebook",    "baby1234",
    "khongbiet",   "hoilamgi",
};

// Decodes the code point at text[i] and advances i; false for malformed UTF-8.
bool next_code_point(std::string_view text, size_t& i, char32_t& out) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  const int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : 3;
  if (i + extra >= text.size() + (extra == 0 ? 1 : 0)) return false;
  char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  i += extra + 1;
  out = cp;
  return true;  // callers check is_valid_utf8 first, so the bytes are well formed
}

bool is_letter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
         kVietnameseLetters.find(cp) != std::u32string_view::npos;
}

bool is_name_punctuation(char32_t cp) {
  return cp == ' ' || cp == '-' || cp == '\'' || cp == U'\u2019';  // ’ from phone keyboards
}

bool is_separator(char c) { return c == ' ' || c == '.' || c == '-' || c == '\t'; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_mobile(std::string_view digits) {
  if (digits.size() != 10 || digits[0] != '0') return false;
  const char second = digits[1];
  return second == '3' || second == '5' || second == '7' || second == '8' || second == '9';
}

}  // namespace

std::optional<std::string> normalize_phone(std::string_view input) {
  if (input.size() > 32) return std::nullopt;
  std::string digits;
  bool plus = false;
  for (size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (!is_separator(c)) {
      return std::nullopt;
    }
  }
  if (plus || digits.starts_with("84")) {
    if (!digits.starts_with("84")) return std::nullopt;  // a foreign country code
    std::string national = digits.substr(2);
    // "+84 0912 345 678": people often keep the trunk 0 after the country code.
    if (!national.starts_with('0')) national.insert(national.begin(), '0');
    digits = national;
  }
  if (!is_mobile(digits)) return std::nullopt;
  return digits;
}

std::optional<std::string> validate_phone(std::string_view input) {
  size_t first = 0;
  while (first < input.size() && is_space(input[first])) ++first;
  if (first == input.size()) return std::string(kPhoneRequired);
  if (!normalize_phone(input)) return std::string(kPhoneInvalid);
  return std::nullopt;
}

std::string normalize_full_name(std::string_view input) {
  std::string out;
  out.reserve(input.size());
  bool pending_space = false;
  for (const char c : input) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::optional<std::string> validate_full_name(std::string_view input) {
  if (!is_valid_utf8(input)) return std::string(kInvalidText);
  const std::string name = normalize_full_name(input);
  if (name.empty()) return std::string(kNameRequired);
  std::u32string points;
  size_t i = 0;
  char32_t cp = 0;
  while (i < name.size() && next_code_point(name, i, cp)) points += cp;
  for (const char32_t c : points) {
    if (c >= 0x300 && c <= 0x36F) return std::string(kNameCombiningMarks);
  }
  for (const char32_t c : points) {
    if (!is_letter(c) && !is_name_punctuation(c)) return std::string(kNameInvalidCharacters);
  }
  if (points.size() < kFullNameMinLength) return std::string(kNameTooShort);
  if (points.size() > kFullNameMaxLength) return std::string(kNameTooLong);
  if (!is_letter(points.front()) || !is_letter(points.back())) {
    return std::string(kNameMustStartAndEndWithLetter);
  }
  return std::nullopt;
}

bool is_common_password(std::string_view password) {
  const std::string lower = ascii_lower(password);
  for (const std::string_view common : kCommonPasswords) {
    if (lower == common) return true;
  }
  return false;
}

std::optional<std::string> validate_password(std::string_view password, std::string_view phone) {
  if (password.empty()) return std::string(kPasswordRequired);
  if (!is_valid_utf8(password)) return std::string(kPasswordInvalidCharacters);
  for (const char c : password) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      return std::string(kPasswordInvalidCharacters);
    }
  }
  const size_t length = count_code_points(password);
  if (length < kPasswordMinLength) return std::string(kPasswordTooShort);
  if (length > kPasswordMaxLength) return std::string(kPasswordTooLong);
  if (is_common_password(password)) return std::string(kPasswordCommon);
  if (const auto normalized = normalize_phone(phone)) {
    // The 9 digits after the leading 0 appear in every way of writing the number.
    if (password.find(std::string_view(*normalized).substr(1)) != std::string_view::npos) {
      return std::string(kPasswordContainsPhone);
    }
  }
  return std::nullopt;
}

std::string mask_phone(std::string_view phone) {
  if (phone.size() < 7) return std::string(phone.size(), '*');
  std::string out(phone.substr(0, 3));
  out.append(phone.size() - 6, '*');
  out.append(phone.substr(phone.size() - 3));
  return out;
}

}  // namespace cdscb::core
