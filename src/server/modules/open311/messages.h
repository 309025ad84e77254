// What the Open311 routes say (GeoReport errors carry a description) and the key admin's texts.
#pragma once

#include <string_view>

namespace cdscb::server::open311::messages {

inline constexpr std::string_view kNotFound = "Không tìm thấy phản ánh.";
inline constexpr std::string_view kForbidden = "Bạn không có quyền thực hiện thao tác này.";
inline constexpr std::string_view kFieldUnknown = "Lĩnh vực không tồn tại.";
inline constexpr std::string_view kStatusUnknown = "Trạng thái không hợp lệ.";
inline constexpr std::string_view kTooManyRequestIds =
    "Chỉ được hỏi tối đa 50 mã phản ánh (service_request_id) mỗi lần.";
inline constexpr std::string_view kStartDateInvalid =
    "start_date phải là thời điểm RFC 3339, ví dụ 2026-11-26T14:05:00+07:00.";
inline constexpr std::string_view kEndDateInvalid =
    "end_date phải là thời điểm RFC 3339, ví dụ 2026-11-26T14:05:00+07:00.";
inline constexpr std::string_view kKeyNameRequired = "Vui lòng nhập tên hệ thống dùng khóa.";
inline constexpr std::string_view kKeyNameTooLong = "Tên khóa không được dài quá 100 ký tự.";
inline constexpr std::string_view kKeyNotFound = "Không tìm thấy khóa API.";
inline constexpr std::string_view kKeyRevoked = "Khóa API đã bị thu hồi.";
inline constexpr std::string_view kDeletedAccount = "Tài khoản đã xóa";

}  // namespace cdscb::server::open311::messages
