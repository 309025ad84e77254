// The Vietnamese texts of the "Dịch vụ công" routes (core's validation keys are translated by
// util::vietnamese).
#pragma once

namespace cdscb::server::dossiers::messages {

inline constexpr char kProcedureNotFound[] = "Không tìm thấy thủ tục hành chính.";
inline constexpr char kProcedureUnknown[] =
    "Thủ tục hoặc phiên bản biểu mẫu không có hoặc chưa được công bố.";
inline constexpr char kDossierNotFound[] = "Không tìm thấy hồ sơ.";
inline constexpr char kLookupNotFound[] =
    "Không tìm thấy hồ sơ có mã này. Vui lòng kiểm tra lại mã hồ sơ trên giấy tiếp nhận.";
inline constexpr char kFileNotYours[] =
    "Tệp đính kèm không có hoặc không phải do bạn tải lên. Vui lòng tải lại tệp.";
inline constexpr char kNoCommune[] =
    "Vui lòng chọn xã, phường trong địa chỉ để hồ sơ được gửi đến đúng UBND cấp xã.";
inline constexpr char kNoUnit[] =
    "Cơ quan tiếp nhận chưa có mã đơn vị, chưa thể nhận hồ sơ trực tuyến. Vui lòng liên hệ Bộ "
    "phận Một cửa.";
inline constexpr char kNotAllowed[] = "Hồ sơ đang ở trạng thái không cho phép thao tác này.";
inline constexpr char kChangedMeanwhile[] =
    "Hồ sơ vừa được cập nhật bởi người khác. Vui lòng tải lại và thử lại.";
inline constexpr char kNotOfficial[] = "Chỉ cán bộ, công chức mới được dùng chức năng này.";
inline constexpr char kOtherAgency[] = "Hồ sơ này thuộc cơ quan khác, bạn không được xử lý.";
inline constexpr char kNoteRequired[] = "Vui lòng nhập lý do.";
inline constexpr char kAgencyUnknown[] = "Vui lòng chọn cơ quan nhận hồ sơ chuyển đến.";
inline constexpr char kSameAgency[] = "Hồ sơ đang thuộc cơ quan này.";
inline constexpr char kSupplementExpired[] =
    "Đã quá hạn bổ sung hồ sơ. Vui lòng liên hệ cơ quan tiếp nhận.";
inline constexpr char kSupplementEmpty[] =
    "Vui lòng đính kèm giấy tờ hoặc sửa thông tin được yêu cầu bổ sung.";
inline constexpr char kResultRequired[] = "Vui lòng đính kèm kết quả (tệp PDF hoặc ảnh).";
inline constexpr char kResultNumberRequired[] = "Vui lòng nhập số văn bản kết quả.";
inline constexpr char kResultDateInvalid[] = "Ngày văn bản phải có dạng YYYY-MM-DD.";
inline constexpr char kApologyRequired[] =
    "Hồ sơ đã quá hạn: vui lòng gửi Phiếu xin lỗi và hẹn lại ngày trả kết quả trước khi trả kết "
    "quả.";
inline constexpr char kApologyDateInvalid[] =
    "Ngày hẹn trả mới phải có dạng YYYY-MM-DD và sau hôm nay.";
inline constexpr char kSurveyNotYet[] = "Chỉ đánh giá được sau khi hồ sơ đã trả kết quả.";
inline constexpr char kSurveyDone[] = "Bạn đã đánh giá hồ sơ này.";
inline constexpr char kStatusUnknown[] = "Trạng thái không hợp lệ.";
inline constexpr char kFieldUnknown[] = "Lĩnh vực không hợp lệ.";
inline constexpr char kLevelUnknown[] = "Cấp thực hiện phải là \"xa\" hoặc \"tinh\".";
inline constexpr char kQueryTooLong[] = "Từ khóa tìm kiếm quá dài.";
inline constexpr char kLookupLimit[] = "Bạn đã tra cứu quá nhiều lần.";
inline constexpr char kPaperNotFound[] = "Không tìm thấy giấy tờ.";
inline constexpr char kFeeNotDue[] = "Hồ sơ này không có phí cần nộp.";
inline constexpr char kFileNotFound[] = "Không tìm thấy tệp.";
inline constexpr char kPaperNameRequired[] = "Vui lòng nhập tên giấy tờ.";

}  // namespace cdscb::server::dossiers::messages
