// Vietnamese texts of the directory module's answers. Field rules' messages live with the rules in
// core/directory.h, shared with the app.
#pragma once

#include <string_view>

namespace cdscb::server::directory::messages {

inline constexpr std::string_view kNotFound = "Không tìm thấy đơn vị này trong danh bạ.";
inline constexpr std::string_view kQueryTooLong = "Từ khóa tìm kiếm không được dài quá 100 ký tự.";
inline constexpr std::string_view kKindInvalid =
    "Loại đơn vị không hợp lệ (department, police, commune, ward hoặc emergency).";
inline constexpr std::string_view kNearInvalid =
    "Vị trí phải có dạng \"vĩ độ,kinh độ\", ví dụ 22.666,106.258.";
inline constexpr std::string_view kPhonesNotList =
    "Số điện thoại phải là danh sách, ví dụ [\"0206 3852 123\"].";
inline constexpr std::string_view kLocationShape =
    "Vị trí phải là {\"lat\": vĩ độ, \"lng\": kinh độ} hoặc null.";
inline constexpr std::string_view kCsvEmpty =
    "Tệp chỉ có dòng tiêu đề, chưa có đơn vị nào. Danh bạ giữ nguyên.";
inline constexpr std::string_view kCsvNotUtf8 =
    "Tệp không phải văn bản UTF-8. Hãy lưu từ bảng tính dạng \"CSV UTF-8\".";
// Followed by the number of lines with problems and kCsvInvalidSuffix.
inline constexpr std::string_view kCsvInvalidPrefix = "Tệp CSV có lỗi ở ";
inline constexpr std::string_view kCsvInvalidSuffix =
    " dòng. Chưa có thay đổi nào được lưu; hãy sửa các dòng này rồi nhập lại.";

}  // namespace cdscb::server::directory::messages
