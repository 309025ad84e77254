// Vietnamese texts of the accounts module's answers and text messages. Field rules' messages
// live with the rules in core/accounts.h, shared with the app.
#pragma once

#include <string_view>

namespace cdscb::server::accounts::messages {

inline constexpr std::string_view kPhoneTaken =
    "Số điện thoại này đã có tài khoản. Hãy đăng nhập hoặc lấy lại mật khẩu.";
inline constexpr std::string_view kNoPendingRegistration =
    "Số điện thoại này chưa đăng ký tài khoản. Hãy đăng ký trước.";
inline constexpr std::string_view kAlreadyVerified =
    "Số điện thoại này đã được xác nhận. Hãy đăng nhập.";
inline constexpr std::string_view kPurposeInvalid =
    "Loại mã xác nhận không hợp lệ (chỉ \"register\" hoặc \"reset\").";

inline constexpr std::string_view kCodeRequired = "Vui lòng nhập mã xác nhận.";
inline constexpr std::string_view kCodeFormat = "Mã xác nhận gồm 6 chữ số.";
inline constexpr std::string_view kCodeInvalidOrGone =
    "Mã xác nhận không đúng hoặc đã hết hạn. Hãy yêu cầu mã mới.";
// Followed by the number of tries left and kTriesLeftSuffix.
inline constexpr std::string_view kCodeWrongPrefix = "Mã xác nhận không đúng. Bạn còn ";
inline constexpr std::string_view kTriesLeftSuffix = " lần thử.";
inline constexpr std::string_view kCodeExhausted = "Bạn đã nhập sai quá 5 lần. Hãy yêu cầu mã mới.";
inline constexpr std::string_view kCodeExpired = "Mã xác nhận đã hết hạn. Hãy yêu cầu mã mới.";

// Followed by the seconds to wait and kResendSuffix.
inline constexpr std::string_view kResendPrefix = "Bạn vừa yêu cầu mã. Vui lòng chờ ";
inline constexpr std::string_view kResendSuffix = " giây rồi thử lại.";
// Followed by the minutes to wait and kMinutesSuffix.
inline constexpr std::string_view kAddressSendsPrefix =
    "Có quá nhiều yêu cầu gửi mã xác nhận từ mạng của bạn. Vui lòng thử lại sau ";
inline constexpr std::string_view kSmsUnavailable =
    "Chưa gửi được tin nhắn chứa mã xác nhận. Vui lòng thử lại sau ít phút.";

inline constexpr std::string_view kWrongCredentials = "Số điện thoại hoặc mật khẩu không đúng.";
// Followed by the seconds to wait and kSlowDownSuffix.
inline constexpr std::string_view kSlowDownPrefix =
    "Bạn đã nhập sai mật khẩu nhiều lần. Vui lòng chờ ";
inline constexpr std::string_view kSlowDownSuffix = " giây rồi thử lại.";
// Both followed by the minutes left and kMinutesSuffix.
inline constexpr std::string_view kLockedPrefix =
    "Số điện thoại tạm khóa đăng nhập 15 phút do nhập sai nhiều lần. Vui lòng thử lại sau ";
inline constexpr std::string_view kAddressLockedPrefix =
    "Có quá nhiều lần đăng nhập sai từ mạng của bạn. Vui lòng thử lại sau ";
inline constexpr std::string_view kMinutesSuffix = " phút.";
inline constexpr std::string_view kNotVerifiedCodeSent =
    "Số điện thoại chưa được xác nhận. Chúng tôi đã gửi mã xác nhận mới đến số của bạn, hãy nhập "
    "mã "
    "để hoàn tất đăng ký.";
inline constexpr std::string_view kNotVerifiedEnterCode =
    "Số điện thoại chưa được xác nhận. Hãy nhập mã xác nhận đã gửi đến số của bạn để hoàn tất đăng "
    "ký.";

inline constexpr std::string_view kLoginRequired = "Vui lòng đăng nhập.";
inline constexpr std::string_view kForbidden = "Bạn không có quyền thực hiện thao tác này.";

// Text messages; {code} is replaced by the 6 digits.
inline constexpr std::string_view kRegisterSms =
    "Mã xác nhận Công dân số Cao Bằng của bạn là {code}. Mã có hiệu lực trong 5 phút. Không chia "
    "sẻ "
    "mã này cho bất kỳ ai.";
inline constexpr std::string_view kResetSms =
    "Mã đặt lại mật khẩu Công dân số Cao Bằng của bạn là {code}. Mã có hiệu lực trong 5 phút. "
    "Không "
    "chia sẻ mã này cho bất kỳ ai.";

// A well-formed agency code that data/agencies.csv does not name.
inline constexpr std::string_view kAgencyNotFound =
    "Không có cơ quan này trong danh sách cơ quan của tỉnh.";

}  // namespace cdscb::server::accounts::messages
