// Vietnamese texts of the VNeID module's answers.
#pragma once

#include <string_view>

namespace cdscb::server::vneid::messages {

inline constexpr std::string_view kNotConfigured = "Đăng nhập bằng VNeID chưa được cấu hình.";
inline constexpr std::string_view kCancelled = "Bạn đã hủy đăng nhập bằng VNeID.";
inline constexpr std::string_view kInvalidState =
    "Phiên đăng nhập VNeID không hợp lệ hoặc đã hết hạn. Vui lòng thử lại.";
inline constexpr std::string_view kFailed = "Không xác thực được với VNeID. Vui lòng thử lại sau.";
inline constexpr std::string_view kNoPending =
    "Không có đăng nhập VNeID nào đang chờ liên kết. Vui lòng đăng nhập bằng VNeID lại.";
inline constexpr std::string_view kPhoneTaken =
    "Số điện thoại này đã có tài khoản. Hãy chọn Liên kết với tài khoản đã có.";
inline constexpr std::string_view kIdentityLinked =
    "Danh tính VNeID này đã được liên kết với một tài khoản khác.";
inline constexpr std::string_view kAccountLinked =
    "Tài khoản này đã được liên kết với một danh tính VNeID khác.";
inline constexpr std::string_view kPhoneNotVerified =
    "Số điện thoại của tài khoản này chưa được xác nhận. Hãy hoàn tất đăng ký trước khi liên kết.";
inline constexpr std::string_view kNotLinked = "Tài khoản này chưa liên kết với VNeID.";
inline constexpr std::string_view kNoOtherWayIn =
    "Tài khoản chưa có mật khẩu và số điện thoại đã xác nhận: nếu hủy liên kết VNeID bạn sẽ không "
    "đăng nhập được nữa. Hãy đặt mật khẩu trước.";
inline constexpr std::string_view kWrongPassword = "Mật khẩu không đúng.";
inline constexpr std::string_view kPasswordRequired = "Vui lòng nhập mật khẩu.";

}  // namespace cdscb::server::vneid::messages
