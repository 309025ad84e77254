// The payment module's Vietnamese messages, fit to show a citizen or an admin.
#pragma once

#include <string_view>

namespace cdscb::server::payments::messages {

inline constexpr std::string_view kNotFound = "Không tìm thấy giao dịch thanh toán.";
inline constexpr std::string_view kProviderUnknown = "Nhà cung cấp không hợp lệ.";
inline constexpr std::string_view kCustomerNotFound =
    "Không tìm thấy khách hàng với mã này. Vui lòng kiểm tra lại mã khách hàng trên hóa đơn.";
inline constexpr std::string_view kProviderDown =
    "Nhà cung cấp đang gián đoạn, vui lòng thử lại sau.";
inline constexpr std::string_view kBillsRequired = "Vui lòng chọn hóa đơn cần thanh toán.";
inline constexpr std::string_view kBillsChanged =
    "Hóa đơn đã thay đổi hoặc đã được thanh toán. Vui lòng tra cứu lại.";
inline constexpr std::string_view kOlderFirst =
    "Nhà cung cấp này yêu cầu thanh toán các kỳ cũ trước. Vui lòng chọn cả các kỳ trước đó.";
inline constexpr std::string_view kBillInPayment =
    "Hóa đơn này đang được thanh toán trong một giao dịch khác. Vui lòng chờ giao dịch đó kết "
    "thúc hoặc hết hạn.";
inline constexpr std::string_view kBillAlreadyPaid = "Hóa đơn này đã được thanh toán.";
inline constexpr std::string_view kNotPayable =
    "Giao dịch này đã kết thúc hoặc hết hạn, không thể thanh toán. Vui lòng tra cứu lại hóa đơn.";
inline constexpr std::string_view kMethodUnavailable =
    "Phương thức thanh toán này hiện chưa sẵn sàng.";
inline constexpr std::string_view kContactNameRequired =
    "Vui lòng đặt tên gợi nhớ, ví dụ: Nhà bố mẹ.";
inline constexpr std::string_view kContactNameTooLong = "Tên gợi nhớ không được dài quá 60 ký tự.";
inline constexpr std::string_view kContactsFull =
    "Danh bạ thanh toán đã đủ 50 mã. Vui lòng xóa bớt mã không dùng.";
inline constexpr std::string_view kContactNotFound = "Không tìm thấy mã trong danh bạ thanh toán.";
inline constexpr std::string_view kStatusUnknown = "Trạng thái không hợp lệ.";
inline constexpr std::string_view kServiceUnknown = "Dịch vụ không hợp lệ.";
inline constexpr std::string_view kDateInvalid = "Ngày không hợp lệ, ví dụ đúng: 2026-12-02.";
inline constexpr std::string_view kRefundReasonRequired = "Vui lòng nhập lý do hoàn tiền.";
inline constexpr std::string_view kNotRefundable =
    "Chỉ hoàn tiền được giao dịch đã thanh toán và chưa hoàn tiền.";
inline constexpr std::string_view kRefundRefused =
    "Cổng thanh toán chưa chấp nhận yêu cầu hoàn tiền. Vui lòng xem lịch sử giao dịch và thử lại.";
inline constexpr std::string_view kFeeTaken =
    "Phí này đã được ghi nhận vào hồ sơ dịch vụ công; việc hoàn phí do cơ quan tiếp nhận giải "
    "quyết theo thủ tục của hồ sơ.";
inline constexpr std::string_view kForbidden = "Bạn không có quyền thực hiện thao tác này.";

}  // namespace cdscb::server::payments::messages
