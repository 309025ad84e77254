#pragma once
// Pieces the admins' payment pages share ("Giao dịch thanh toán", one order, "Đối soát"): the
// Vietnamese names of what the server answers in codes (delivery state, way of paying, a partner
// message's kind, a mismatch's kind) and the masked customer as a line.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "app/app_context.h"

namespace cdscb::app::screens::admin_payments_ui {

// The translation of "<prefix>.<value>" when the app knows it, else `value` as the server named
// it (a newer server's kind).
std::string label_or(AppContext& ctx, std::string_view prefix, std::string_view value);
// Where the bills stand at the provider: "Đã gạch nợ", "Chưa gạch nợ", "Không áp dụng"…
const char* delivery_label(AppContext& ctx, const nlohmann::json& order);
// "NÔNG V** D** · PA14010012345": the name as masked by the server, and the code on the bill.
std::string customer_text(const nlohmann::json& order);
// "VNPay", "VietQR", or "Chưa chọn".
std::string method_label(AppContext& ctx, const nlohmann::json& method);
// `text` without the spaces an admin may paste around a code or a day.
std::string trimmed(const std::string& text);
// The day in Vietnam (UTC+7) `days_ago` days before today, "YYYY-MM-DD".
std::string vietnam_day(int days_ago);

}  // namespace cdscb::app::screens::admin_payments_ui
