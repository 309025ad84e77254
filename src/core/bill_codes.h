#pragma once
// The customer code printed on a bill ("Mã khách hàng"), checked before any provider is asked:
// a clear message for a mistyped code, and nothing but ASCII letters and digits ever reaches a
// provider (no injection, no look-alike Unicode digits).
#include <optional>
#include <string>
#include <string_view>

namespace core {

// The three services of "Thanh toán không tiền mặt".
enum class BillService { kElectricity, kWater, kTelecom };

// "electricity", "water", "telecom": what the API and the database hold.
std::string_view bill_service_name(BillService service);
std::optional<BillService> parse_bill_service(std::string_view name);
// The i18n key of the guide's label ("payments.service.electricity" → "Tiền điện").
std::string_view bill_service_label_key(BillService service);

struct BillCodeCheck {
  std::string code;       // normalised: spaces removed, letters upper-cased
  std::string error_key;  // empty when valid, else an i18n key ("validation.payments.code_electricity")
};

// Electricity: EVN's 13 characters, "PA" (EVNNPC, which Điện lực Cao Bằng belongs to) then 11
// letters or digits. Water: 5 to 15 letters or digits. Telecom: 6 to 20 letters or digits (a
// phone number or a contract code).
BillCodeCheck check_bill_code(BillService service, std::string_view typed);

}  // namespace core
