#pragma once
// Account field rules shared by the server and the app: Vietnamese mobile numbers, full names and
// passwords. Each validator returns the Vietnamese message to show by the field, or nullopt when
// the value is acceptable. Pure functions, no I/O, no exceptions (the app compiles this to wasm).
#include <optional>
#include <string>
#include <string_view>

namespace core {

inline constexpr std::string_view kPhoneRequired = "Vui lòng nhập số điện thoại.";
inline constexpr std::string_view kPhoneInvalid =
    "Số điện thoại không hợp lệ. Nhập số di động Việt Nam gồm 10 chữ số, bắt đầu bằng 03, 05, 07, "
    "08 hoặc 09.";

inline constexpr std::string_view kNameRequired = "Vui lòng nhập họ tên.";
inline constexpr std::string_view kNameTooShort = "Họ tên phải có ít nhất 2 ký tự.";
inline constexpr std::string_view kNameTooLong = "Họ tên không được dài quá 100 ký tự.";
inline constexpr std::string_view kNameCombiningMarks =
    "Họ tên có dấu tiếng Việt chưa được gõ đúng cách. Vui lòng xóa và gõ lại họ tên.";
inline constexpr std::string_view kNameInvalidCharacters =
    "Họ tên chỉ được gồm chữ cái, dấu cách, dấu nháy (') và dấu gạch nối (-).";
inline constexpr std::string_view kNameMustStartAndEndWithLetter =
    "Họ tên phải bắt đầu và kết thúc bằng chữ cái.";
inline constexpr std::string_view kInvalidText =
    "Nội dung chứa ký tự không hợp lệ. Vui lòng gõ lại.";

inline constexpr std::string_view kPasswordRequired = "Vui lòng nhập mật khẩu.";
inline constexpr std::string_view kPasswordTooShort = "Mật khẩu phải có ít nhất 8 ký tự.";
inline constexpr std::string_view kPasswordTooLong = "Mật khẩu không được dài quá 128 ký tự.";
inline constexpr std::string_view kPasswordCommon =
    "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.";
inline constexpr std::string_view kPasswordContainsPhone =
    "Mật khẩu không được chứa số điện thoại của bạn.";
inline constexpr std::string_view kPasswordInvalidCharacters =
    "Mật khẩu chứa ký tự không hợp lệ. Vui lòng gõ lại.";

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

}  // namespace core
