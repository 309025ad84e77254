// Vietnamese texts of the cameras module's answers.
#pragma once

#include <string_view>

namespace cdscb::server::cameras::messages {

inline constexpr std::string_view kNotFound = "Không tìm thấy camera này.";
inline constexpr std::string_view kExists = "Đã có camera với mã này.";
inline constexpr std::string_view kQueryTooLong = "Từ khóa tìm kiếm không được dài quá 100 ký tự.";
inline constexpr std::string_view kKindInvalid =
    "Loại camera không hợp lệ (giao_thong, muc_nuoc, cua_khau, cho hoặc du_lich).";
inline constexpr std::string_view kCommuneInvalid = "Không có xã, phường này trong tỉnh Cao Bằng.";
inline constexpr std::string_view kNearInvalid =
    "Vị trí phải có dạng \"vĩ độ,kinh độ\", ví dụ 22.666,106.258.";
inline constexpr std::string_view kCodeInvalid =
    "Mã camera gồm 3 đến 40 chữ thường không dấu, chữ số hoặc dấu gạch ngang, ví dụ cb-cam-04.";
inline constexpr std::string_view kNameRequired = "Hãy nhập tên camera (tối đa 120 ký tự).";
inline constexpr std::string_view kPlaceTooLong = "Địa điểm không được dài quá 200 ký tự.";
inline constexpr std::string_view kLatInvalid = "Vĩ độ phải là số từ -90 đến 90.";
inline constexpr std::string_view kLngInvalid = "Kinh độ phải là số từ -180 đến 180.";
inline constexpr std::string_view kSourceInvalid =
    "Địa chỉ nguồn phải là http(s)://… tới danh sách phát HLS (.m3u8) của camera.";
inline constexpr std::string_view kNotBoolean = "Giá trị phải là true hoặc false.";
inline constexpr std::string_view kOffline =
    "Camera đang mất kết nối. Ứng dụng sẽ tự thử lại sau ít giây.";
inline constexpr std::string_view kMaintenance = "Camera đang bảo trì, tạm thời không xem được.";
inline constexpr std::string_view kBadUpstream =
    "Camera gửi dữ liệu không đọc được. Ứng dụng sẽ tự thử lại sau ít giây.";
inline constexpr std::string_view kNoSnapshot =
    "Chưa có ảnh chụp của camera này. Hãy thử lại sau ít giây.";
inline constexpr std::string_view kLiveNotFound = "Không có tệp này trong luồng trực tiếp.";

}  // namespace cdscb::server::cameras::messages
