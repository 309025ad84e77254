// The feedback module's Vietnamese messages, fit to show a citizen or an official.
#pragma once

#include <string_view>

#include "http/messages.h"

namespace cdscb::server::feedback::messages {

inline constexpr std::string_view kNotFound = "Không tìm thấy phản ánh.";
inline constexpr std::string_view kOtherAgency =
    "Phản ánh này thuộc cơ quan khác, bạn không thể xử lý.";
inline constexpr std::string_view kFieldUnknown = "Lĩnh vực không tồn tại.";
inline constexpr std::string_view kLocationInvalid =
    "Vị trí phải gồm vĩ độ (lat) và kinh độ (lng).";
inline constexpr std::string_view kPhotosInvalid = "Danh sách ảnh không hợp lệ.";
inline constexpr std::string_view kPhotoUnknown =
    "Có ảnh chưa được tải lên hoặc đã bị xóa. Vui lòng chọn lại ảnh.";
inline constexpr std::string_view kPhotoNotYours =
    "Chỉ được đính kèm ảnh do chính bạn tải lên. Vui lòng chọn lại ảnh.";
using http::messages::kNotABoolean;  // shared with every JSON reader
inline constexpr std::string_view kInvalidTransition =
    "Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh.";
inline constexpr std::string_view kChangedMeanwhile =
    "Phản ánh vừa được người khác cập nhật. Vui lòng tải lại để xem trạng thái mới.";
inline constexpr std::string_view kActionUnknown = "Thao tác không hợp lệ.";
inline constexpr std::string_view kNoteRequiredAnswer = "Vui lòng nhập nội dung trả lời.";
inline constexpr std::string_view kNoteRequiredReason = "Vui lòng nhập lý do.";
inline constexpr std::string_view kNoteTooLong = "Nội dung không được dài quá 5000 ký tự.";
inline constexpr std::string_view kAgencyUnknown = "Cơ quan không tồn tại.";
inline constexpr std::string_view kAgencySame = "Phản ánh đang thuộc cơ quan này.";
inline constexpr std::string_view kAssignedTo = "Giao cho cán bộ ";
inline constexpr std::string_view kAssigneeInvalid = "Cán bộ được giao phải thuộc cùng cơ quan.";
inline constexpr std::string_view kFeedbackNeeded = "Vui lòng chọn phản ánh cần giao cho cán bộ.";
inline constexpr std::string_view kStarsInvalid = "Vui lòng chọn số sao từ 1 đến 5.";
inline constexpr std::string_view kCommentTooLong = "Nhận xét không được dài quá 1000 ký tự.";
inline constexpr std::string_view kNotAnswered = "Chỉ đánh giá được phản ánh đã có kết quả xử lý.";
inline constexpr std::string_view kAlreadyRated = "Bạn đã đánh giá phản ánh này.";
inline constexpr std::string_view kCannotReopen =
    "Chỉ mở lại được phản ánh đã giải quyết, và chỉ một lần.";
inline constexpr std::string_view kStatusUnknown = "Trạng thái không hợp lệ.";
inline constexpr std::string_view kCoordinateInvalid = "Tọa độ không hợp lệ.";
inline constexpr std::string_view kBboxInvalid =
    "Vùng bản đồ không hợp lệ: cần 4 số theo thứ tự kinh độ tây, vĩ độ nam, kinh độ đông, vĩ độ "
    "bắc.";
inline constexpr std::string_view kFieldNameRequired = "Vui lòng nhập tên lĩnh vực.";
inline constexpr std::string_view kFieldNameTooLong = "Tên lĩnh vực không được dài quá 100 ký tự.";
inline constexpr std::string_view kFieldCodeInvalid =
    "Mã lĩnh vực chỉ gồm chữ thường không dấu, số và dấu gạch nối (tối đa 50 ký tự).";
inline constexpr std::string_view kFieldCodeTaken = "Mã lĩnh vực đã tồn tại.";
inline constexpr std::string_view kAnswerDaysInvalid =
    "Thời hạn trả lời phải từ 1 đến 90 ngày làm việc.";

// Anonymous authors and deleted accounts, where a name would be.
inline constexpr std::string_view kAuthorLabel = "Người phản ánh";
inline constexpr std::string_view kDeletedAccount = "Tài khoản đã xóa";

}  // namespace cdscb::server::feedback::messages
