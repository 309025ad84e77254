#pragma once
// The bill providers "Thanh toán không tiền mặt" knows and the customer code printed on their
// bills ("Mã khách hàng"), checked before any provider is asked: by the app, so a mistyped code
// gets a message naming the expected form at once, and by the server with the same rule. Nothing
// but ASCII letters and digits ever reaches a provider (no injection, no look-alike Unicode
// digits).
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cdscb::core {

// The three services of "Thanh toán không tiền mặt".
enum class BillService { kElectricity, kWater, kTelecom };

// "electricity", "water", "telecom": what the API and the database hold.
std::string_view bill_service_name(BillService service);
std::optional<BillService> parse_bill_service(std::string_view name);
// The i18n key of the guide's label ("payments.service.electricity" → "Tiền điện").
std::string_view bill_service_label_key(BillService service);

// One way a provider writes its codes: one of `prefixes` (alternatives separated by '|'), then
// one character per letter of `rest`: 'D' a digit, 'L' a capital letter, 'X' either.
struct CodeForm {
  std::string_view prefixes;
  std::string_view rest;
};

// A provider the payment service knows (it is offered once configured on the server).
struct BillProvider {
  std::string_view id;  // "evn": the API's and the bill providers' name
  BillService service;
  std::string_view name;      // "Điện lực Cao Bằng"
  bool oldest_first = false;  // a newer period cannot be paid while an older one is unpaid
  // Its codes match one of these (an empty form matches nothing).
  std::array<CodeForm, 2> forms;
  // The i18n key of the message naming the expected form ("validation.payments.code_evn").
  std::string_view code_error_key;
};

// Every provider, in the order the app lists them.
std::span<const BillProvider> bill_providers();
const BillProvider* find_bill_provider(std::string_view id);

struct BillCodeCheck {
  std::string code;       // normalised: spaces removed, letters upper-cased
  std::string error_key;  // empty when valid, else an i18n key ("validation.payments.code_evn")
};

// Checks `typed` against the provider's forms (EVN: "PA14" and 9 letters or digits; the water
// company: 2 letters and 6 digits; each telecom: its own 10-digit mobile prefixes, VNPT also
// its 0206 fixed lines). For an id no provider has, only the characters are checked (the
// server, which knows every provider it offers, checks the rest).
BillCodeCheck check_bill_code(std::string_view provider_id, std::string_view typed);

}  // namespace cdscb::core
