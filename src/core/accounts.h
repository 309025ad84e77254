#pragma once
// Account field rules shared by the server and the app: Vietnamese mobile numbers, full names and
// passwords. Each validator returns the message to show by the field, as a key of
// public/i18n/vi.json (the app translates it, the server answers its Vietnamese text), or nullopt
// when the value is acceptable. Pure functions, no I/O, no exceptions (the app compiles this to
// wasm).
#include <optional>
#include <string>
#include <string_view>

namespace cdscb::core {

inline constexpr std::string_view kPhoneRequired = "validation.account.phone_required";
inline constexpr std::string_view kPhoneInvalid = "validation.account.phone_invalid";

inline constexpr std::string_view kNameRequired = "validation.account.name_required";
inline constexpr std::string_view kNameTooShort = "validation.account.name_too_short";
inline constexpr std::string_view kNameTooLong = "validation.account.name_too_long";
inline constexpr std::string_view kNameCombiningMarks = "validation.account.name_combining_marks";
inline constexpr std::string_view kNameInvalidCharacters =
    "validation.account.name_invalid_characters";
inline constexpr std::string_view kNameMustStartAndEndWithLetter =
    "validation.account.name_letter_ends";
inline constexpr std::string_view kInvalidText = "validation.invalid_text";

inline constexpr std::string_view kPasswordRequired = "validation.account.password_required";
inline constexpr std::string_view kPasswordTooShort = "validation.account.password_too_short";
inline constexpr std::string_view kPasswordTooLong = "validation.account.password_too_long";
inline constexpr std::string_view kPasswordCommon = "validation.account.password_common";
inline constexpr std::string_view kPasswordContainsPhone =
    "validation.account.password_contains_phone";
inline constexpr std::string_view kPasswordInvalidCharacters =
    "validation.account.password_invalid_characters";

inline constexpr size_t kFullNameMinLength = 2;    // code points
inline constexpr size_t kFullNameMaxLength = 100;  // code points
inline constexpr size_t kPasswordMinLength = 8;    // code points
inline constexpr size_t kPasswordMaxLength = 128;  // code points

// "0912 345 678", "0912.345.678", "0912-345-678", "+84912345678", "84912345678" and
// "+84 0912345678" all give "0912345678". nullopt unless the result is a Vietnamese mobile number:
// 10 digits starting 03, 05, 07, 08 or 09.
std::optional<std::string> normalize_phone(std::string_view input);

// kPhoneRequired for blank input, kPhoneInvalid when normalize_phone fails.
std::optional<std::string> validate_phone(std::string_view input);

// Trims the ends and collapses runs of spaces inside into one space: the form a name is stored in.
std::string normalize_full_name(std::string_view input);

// Checks normalize_full_name(input): required; 2–100 code points; letters (ASCII and every
// precomposed Vietnamese letter), spaces, apostrophes and hyphens; starts and ends with a letter.
// Input is expected in NFC: combining marks (U+0300–U+036F) get a message asking to retype.
std::optional<std::string> validate_full_name(std::string_view input);

// 8–128 code points, no control characters, not one of the common passwords (ignoring ASCII case)
// and not containing `phone`'s digits (when `phone` is a valid number).
std::optional<std::string> validate_password(std::string_view password, std::string_view phone);

// Whether `password` (ASCII case ignored) is in the built-in list of common passwords.
bool is_common_password(std::string_view password);

// "0912345678" → "091****678": enough to recognise one's own number, not to read it.
std::string mask_phone(std::string_view phone);

}  // namespace cdscb::core
