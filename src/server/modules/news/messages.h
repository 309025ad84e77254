// Vietnamese texts of the news module's answers.
#pragma once

#include <string_view>

namespace cdscb::server::news::messages {

inline constexpr std::string_view kNotFound = "Không tìm thấy tin này.";
inline constexpr std::string_view kAlertNotFound = "Không tìm thấy cảnh báo này.";
inline constexpr std::string_view kForbidden = "Chỉ cán bộ mới được đăng và sửa tin.";
inline constexpr std::string_view kOtherAgency = "Tin này do cơ quan khác đăng, bạn không thể sửa.";
inline constexpr std::string_view kTitleRequired = "Vui lòng nhập tiêu đề.";
inline constexpr std::string_view kTitleTooLong = "Tiêu đề không được dài quá 200 ký tự.";
inline constexpr std::string_view kSummaryTooLong = "Tóm tắt không được dài quá 500 ký tự.";
inline constexpr std::string_view kTextRequired = "Vui lòng nhập nội dung.";
inline constexpr std::string_view kTextTooLong = "Nội dung không được dài quá 50.000 ký tự.";
inline constexpr std::string_view kCategoryUnknown = "Chuyên mục không hợp lệ.";
inline constexpr std::string_view kCoverUnknown = "Ảnh bìa không tồn tại. Hãy tải ảnh lên lại.";
inline constexpr std::string_view kPublishedNotBool =
    "Giá trị \"published\" phải là true hoặc false.";
inline constexpr std::string_view kQueryTooLong = "Từ khóa tìm kiếm không được dài quá 100 ký tự.";
inline constexpr std::string_view kIdInvalid = "Mã tin không hợp lệ.";

inline constexpr std::string_view kAlertKindInvalid =
    "Loại cảnh báo không hợp lệ (chỉ lũ lụt, sạt lở, bão hoặc khác).";
inline constexpr std::string_view kAlertTitleTooLong =
    "Tiêu đề cảnh báo không được dài quá 120 ký tự.";
inline constexpr std::string_view kAlertTextRequired = "Vui lòng nhập nội dung cảnh báo.";
inline constexpr std::string_view kAlertTextTooLong =
    "Nội dung cảnh báo không được dài quá 1.000 ký tự.";
inline constexpr std::string_view kExpiresInvalid =
    "Thời điểm hết hạn phải có dạng 2025-07-01T10:00:00Z.";
inline constexpr std::string_view kExpiresPast = "Thời điểm hết hạn phải ở tương lai.";
inline constexpr std::string_view kExpiresTooFar = "Cảnh báo chỉ được hiển thị tối đa 30 ngày.";
inline constexpr std::string_view kTooManyAlerts =
    "Đã có 20 cảnh báo đang hiển thị. Hãy gỡ bớt cảnh báo cũ trước khi đăng cảnh báo mới.";
inline constexpr std::string_view kArticleUnknown = "Tin liên kết không tồn tại.";

}  // namespace cdscb::server::news::messages
