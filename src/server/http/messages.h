// Vietnamese texts of the errors the HTTP layer itself answers; modules keep their own.
#pragma once

#include <string_view>

namespace cdscb::server::http::messages {

inline constexpr std::string_view kNotFound = "Không tìm thấy địa chỉ yêu cầu.";
inline constexpr std::string_view kMethodNotAllowed = "Phương thức không được hỗ trợ.";
inline constexpr std::string_view kPayloadTooLarge = "Yêu cầu quá lớn.";
inline constexpr std::string_view kNotABoolean = "Giá trị phải là đúng hoặc sai.";
inline constexpr std::string_view kBadRequest = "Yêu cầu không hợp lệ.";
inline constexpr std::string_view kHeadersTooLarge = "Phần đầu của yêu cầu quá lớn.";
inline constexpr std::string_view kInternalError = "Lỗi máy chủ, vui lòng thử lại sau.";
inline constexpr std::string_view kForbiddenOrigin =
    "Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống.";
inline constexpr std::string_view kServiceUnavailable =
    "Hệ thống đang tạm thời gián đoạn, vui lòng thử lại sau.";

}  // namespace cdscb::server::http::messages
