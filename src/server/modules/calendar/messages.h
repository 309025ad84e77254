// What the calendar's routes say to an admin, in Vietnamese.
#pragma once

#include <string_view>

namespace cdscb::server::calendar::messages {

inline constexpr std::string_view kHolidayDateInvalid =
    "Ngày phải có dạng YYYY-MM-DD và là một ngày có thật.";
inline constexpr std::string_view kHolidayNameRequired = "Vui lòng nhập tên ngày nghỉ.";
inline constexpr std::string_view kHolidayNameTooLong =
    "Tên ngày nghỉ không được dài quá 100 ký tự.";
inline constexpr std::string_view kHolidayExists = "Ngày này đã có trong danh sách ngày nghỉ.";
inline constexpr std::string_view kHolidayNotFound = "Không tìm thấy ngày nghỉ này.";
inline constexpr std::string_view kWorkingDayNotWeekend =
    "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.";

}  // namespace cdscb::server::calendar::messages
