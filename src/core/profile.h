#pragma once
// Profile field rules shared by the server and the app ("Quản lý tài khoản"): date of birth,
// gender, address (commune/ward of Cao Bằng + street) and email. Each validator returns the
// message to show by the field as a key of public/i18n/vi.json, or nullopt when it is acceptable.
// The empty string means "clear this field" and is accepted by every optional field. No I/O, no
// exceptions.
#include <optional>
#include <string>
#include <string_view>

namespace cdscb::core {

inline constexpr std::string_view kBirthDateFormat = "validation.profile.birth_date_format";
inline constexpr std::string_view kBirthDateInFuture = "validation.profile.birth_date_future";
inline constexpr std::string_view kBirthDateTooOld = "validation.profile.birth_date_too_old";
inline constexpr std::string_view kGenderInvalid = "validation.profile.gender_invalid";
inline constexpr std::string_view kCommuneInvalid = "validation.profile.commune_invalid";
inline constexpr std::string_view kStreetTooLong = "validation.profile.street_too_long";
inline constexpr std::string_view kEmailInvalid = "validation.profile.email_invalid";
inline constexpr std::string_view kEmailTooLong = "validation.profile.email_too_long";

inline constexpr std::size_t kStreetMaxLength = 200;  // code points
inline constexpr std::size_t kEmailMaxLength = 254;   // bytes (ASCII only)
inline constexpr int kMaxAgeYears = 120;

struct Date {
  int year = 0;
  int month = 0;  // 1–12
  int day = 0;    // 1–31
  auto operator<=>(const Date&) const = default;
};

// "YYYY-MM-DD" naming a day that exists (leap years included); nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);

// A real date, not after `today`, and not more than 120 years before it.
std::optional<std::string> validate_birth_date(std::string_view input, Date today);

// "nam", "nu" or "khac".
std::optional<std::string> validate_gender(std::string_view input);

// The code of one of the province's 56 units (core/communes.h).
std::optional<std::string> validate_commune(std::string_view input);

// Trims the ends and collapses runs of white space into one space.
std::string normalize_street(std::string_view input);
// Of normalize_street(input): at most 200 code points, valid UTF-8, no control characters.
std::optional<std::string> validate_street(std::string_view input);

// Trims the ends and lower-cases the domain part.
std::string normalize_email(std::string_view input);
// Of normalize_email(input): at most 254 characters, one "@", a local part of at most 64
// characters from the usual set (letters, digits, . _ % + - and a few others, no leading,
// trailing or doubled dot), and a domain of at least two dot-separated labels of letters, digits
// and inner hyphens. Deliberately simpler than RFC 5322: no quoted local parts or IP literals.
std::optional<std::string> validate_email(std::string_view input);

}  // namespace cdscb::core
