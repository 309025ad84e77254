#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>

#include "core/bill_codes.h"
#include "core/masking.h"
#include "core/money.h"
#include "core/payment_order.h"
#include "core/time_text.h"
#include "core/vietqr.h"

using namespace cdscb;

using core::OrderEvent;
using core::OrderStatus;

TEST_CASE("amounts are written the Vietnamese way, in whole đồng") {
  CHECK(core::format_vnd(0) == "0 ₫");
  CHECK(core::format_vnd(999) == "999 ₫");
  CHECK(core::format_vnd(1000) == "1.000 ₫");
  CHECK(core::format_vnd(1234567) == "1.234.567 ₫");
  CHECK(core::format_vnd(-45000) == "-45.000 ₫");
  CHECK(core::format_vnd(INT64_MIN) == "-9.223.372.036.854.775.808 ₫");
}

TEST_CASE("an order moves only along the table") {
  CHECK(core::next_order_status(OrderStatus::kCreated, OrderEvent::kStart) ==
        OrderStatus::kPending);
  CHECK(core::next_order_status(OrderStatus::kPending, OrderEvent::kPay) == OrderStatus::kPaid);
  CHECK(core::next_order_status(OrderStatus::kPaid, OrderEvent::kDeliver) ==
        OrderStatus::kDelivered);
  CHECK(core::next_order_status(OrderStatus::kPaid, OrderEvent::kRefund) == OrderStatus::kRefunded);
  // Money taken after the order's time is still booked, never ignored.
  CHECK(core::next_order_status(OrderStatus::kExpired, OrderEvent::kPay) == OrderStatus::kPaid);
  // Paid twice, paid after a failure, delivered unpaid: refused.
  CHECK_FALSE(core::next_order_status(OrderStatus::kPaid, OrderEvent::kPay));
  CHECK_FALSE(core::next_order_status(OrderStatus::kDelivered, OrderEvent::kPay));
  CHECK_FALSE(core::next_order_status(OrderStatus::kFailed, OrderEvent::kPay));
  CHECK_FALSE(core::next_order_status(OrderStatus::kPending, OrderEvent::kDeliver));
  CHECK_FALSE(core::next_order_status(OrderStatus::kRefunded, OrderEvent::kRefund));
  CHECK_FALSE(core::next_order_status(OrderStatus::kPaid, OrderEvent::kExpire));
  CHECK(core::order_holds_bills(OrderStatus::kPending));
  CHECK_FALSE(core::order_holds_bills(OrderStatus::kFailed));
  CHECK_FALSE(core::order_holds_bills(OrderStatus::kExpired));
  for (const char* name :
       {"created", "pending", "paid", "delivered", "failed", "expired", "refunded"}) {
    const auto status = core::parse_order_status(name);
    REQUIRE(status);
    CHECK(core::order_status_name(*status) == name);
    CHECK(core::order_status_label_key(*status) == std::string("payments.status.") + name);
  }
  CHECK_FALSE(core::parse_order_status("PAID"));
}

TEST_CASE("CRC-16/CCITT-FALSE gives the standard check value") {
  CHECK(core::crc16_ccitt_false("123456789") == 0x29B1);
  CHECK(core::crc16_ccitt_false("") == 0xFFFF);
}

TEST_CASE("a published VietQR payload reads back with its CRC") {
  // A static transfer QR printed by an open-source VietQR generator's documentation.
  const std::string payload =
      "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA53037045406120000"
      "5802VN62170813ung ho lu lut6304C15C";
  const auto fields = core::read_emv_fields(payload);
  REQUIRE(fields);
  CHECK(fields->at("54") == "120000");
  CHECK(fields->at("58") == "VN");
  std::string tampered = payload;
  tampered.replace(tampered.find("120000"), 6, "100000");
  CHECK_FALSE(core::read_emv_fields(tampered));
}

TEST_CASE("the payment QR holds the account, the exact amount and the order code") {
  const auto payload = core::vietqr_payload({"970415", "113366668888", 1234567, "TT2612020001"});
  REQUIRE(payload);
  const auto fields = core::read_emv_fields(*payload);
  REQUIRE(fields);
  CHECK(fields->at("00") == "01");
  CHECK(fields->at("01") == "12");  // dynamic: one payment of this amount
  CHECK(fields->at("53") == "704");
  CHECK(fields->at("54") == "1234567");
  CHECK(fields->at("58") == "VN");
  const auto merchant = core::read_emv_template(fields->at("38"));
  REQUIRE(merchant);
  CHECK(merchant->at("00") == "A000000727");
  CHECK(merchant->at("02") == "QRIBFTTA");
  const auto beneficiary = core::read_emv_template(merchant->at("01"));
  REQUIRE(beneficiary);
  CHECK(beneficiary->at("00") == "970415");
  CHECK(beneficiary->at("01") == "113366668888");
  const auto extra = core::read_emv_template(fields->at("62"));
  REQUIRE(extra);
  CHECK(extra->at("08") == "TT2612020001");
}

TEST_CASE("a QR is refused rather than built wrong") {
  CHECK_FALSE(core::vietqr_payload({"97041", "113366668888", 1000, "TT1"}));
  CHECK_FALSE(core::vietqr_payload({"970415", "", 1000, "TT1"}));
  CHECK_FALSE(core::vietqr_payload({"970415", "113366668888", 0, "TT1"}));
  CHECK_FALSE(core::vietqr_payload({"970415", "113366668888", -5, "TT1"}));
  CHECK_FALSE(core::vietqr_payload({"970415", "113366668888", 1000, "tiền điện"}));
  CHECK_FALSE(core::vietqr_payload({"970415", "113366668888", 1000, std::string(26, 'A')}));
  CHECK_FALSE(core::read_emv_fields("0002016304"));
  CHECK_FALSE(core::read_emv_fields("not a payload"));
}

TEST_CASE("customer codes are checked per provider, and only letters and digits pass") {
  const auto error = [](std::string_view provider, std::string_view typed) {
    return core::check_bill_code(provider, typed).error_key;
  };
  auto evn = core::check_bill_code("evn", " pa14 0000 12345 ");
  CHECK(evn.error_key.empty());
  CHECK(evn.code == "PA14000012345");
  CHECK(error("evn", "PA14AB0012345").empty());  // letters after PA14 are EVN's too
  CHECK(error("evn", "PB02020040261") == "validation.payments.code_evn");
  CHECK(error("evn", "PA13010012345") == "validation.payments.code_evn");  // another province
  CHECK(error("evn", "PA1400001234") == "validation.payments.code_evn");
  CHECK(error("evn", "PA140000123456") == "validation.payments.code_evn");
  CHECK(error("evn", "") == "validation.payments.code_required");
  CHECK(error("evn", "   ") == "validation.payments.code_required");
  CHECK(error("water", "CB' OR 1=1--") == "validation.payments.code_characters");
  CHECK(error("water", "tp010234").empty());
  CHECK(core::check_bill_code("water", "tp010234").code == "TP010234");
  CHECK(error("water", "T1010234") == "validation.payments.code_water");
  CHECK(error("water", "TP01023") == "validation.payments.code_water");
  CHECK(error("water", "NCB012345") == "validation.payments.code_water");
  // Full-width digits look like digits and are not.
  CHECK(error("vnpt", "０２０６３８５１２３４") == "validation.payments.code_characters");
  CHECK(error("vnpt", "02063851234").empty());  // a fixed line
  CHECK(error("vnpt", "0206385123") == "validation.payments.code_vnpt");
  CHECK(error("vnpt", "0912 345 678").empty());
  CHECK(error("vnpt", "0831234567").empty());
  CHECK(error("vnpt", "0861234567") == "validation.payments.code_vnpt");  // Viettel's
  CHECK(error("viettel", "0861234567").empty());
  CHECK(error("viettel", "0352123456").empty());
  CHECK(error("viettel", "0312123456") == "validation.payments.code_viettel");
  CHECK(error("viettel", "098612345") == "validation.payments.code_viettel");
  CHECK(error("mobifone", "0708123456").empty());
  CHECK(error("mobifone", "0771234567").empty());
  CHECK(error("mobifone", "0751234567") == "validation.payments.code_mobifone");
  CHECK(error("mobifone", "0912345678") == "validation.payments.code_mobifone");
  // A provider core does not know: only the characters (the server knows what it offers).
  CHECK(error("gas", "AB12").empty());
  CHECK(error("gas", "A-1") == "validation.payments.code_characters");
  CHECK(core::parse_bill_service("water") == core::BillService::kWater);
  CHECK(core::bill_service_name(core::BillService::kTelecom) == "telecom");
  CHECK_FALSE(core::parse_bill_service("gas"));
}

TEST_CASE("every provider's rule in core accepts the sandbox's seeded codes and names its form") {
  // The codes of sandbox/bills/seed.json, one of each kind, and what each provider calls itself.
  const std::pair<std::string_view, std::string_view> seeded[] = {
      {"evn", "PA14010012345"},  {"evn", "PA14060001122"},   {"water", "TP010234"},
      {"water", "NT040112"},     {"vnpt", "0912345678"},     {"vnpt", "02063851234"},
      {"vnpt", "0888123456"},    {"vnpt", "0945123456"},     {"viettel", "0986123456"},
      {"viettel", "0389000503"}, {"mobifone", "0904123456"}, {"mobifone", "0779000503"},
      {"mobifone", "0708123456"}};
  for (const auto& [provider, code] : seeded) {
    CAPTURE(code);
    CHECK(core::check_bill_code(provider, code).error_key.empty());
  }
  CHECK(core::bill_providers().size() == 5);
  for (const auto& provider : core::bill_providers()) {
    CHECK(core::find_bill_provider(provider.id) == &provider);
    CHECK(provider.code_error_key == "validation.payments.code_" + std::string(provider.id));
  }
  CHECK(core::find_bill_provider("evn")->oldest_first);
  CHECK_FALSE(core::find_bill_provider("gas"));
}

TEST_CASE("a bill lookup shows a masked customer") {
  CHECK(core::mask_person_name("NÔNG VĂN HÙNG") == "NÔNG V** H**");
  CHECK(core::mask_person_name("  Đàm  Thị Ước ") == "Đàm T** Ư**");
  CHECK(core::mask_person_name("Lục") == "Lục");
  // A decomposed letter keeps its mark.
  CHECK(core::mask_person_name("NÔNG U\u0301T") == "NÔNG U\u0301**");
  CHECK(core::mask_address("Số 12, tổ 5, phường Hợp Giang, tỉnh Cao Bằng") ==
        "***, phường Hợp Giang, tỉnh Cao Bằng");
  CHECK(core::mask_address("xóm Nà Rị, xã Hòa An") == "***, xã Hòa An");
  CHECK(core::mask_address("Cao Bằng") == "***");
  CHECK(core::mask_address("") == "");
}

TEST_CASE("the gateway's compact times are Vietnam's (GMT+7)") {
  // 2026-12-02T02:15:00Z is 09:15 in Cao Bằng.
  const long long t = *core::parse_rfc3339("2026-12-02T02:15:00Z");
  CHECK(core::vietnam_compact_time(t) == "20261202091500");
  CHECK(core::parse_vietnam_compact_time("20261202091500") == t);
  CHECK(core::vietnam_compact_time(*core::parse_rfc3339("2026-12-31T17:30:05Z")) ==
        "20270101003005");
  CHECK_FALSE(core::parse_vietnam_compact_time("2026120209150"));
  CHECK_FALSE(core::parse_vietnam_compact_time("20261302091500"));
  CHECK_FALSE(core::parse_vietnam_compact_time("2026-12-02 09:15"));
}
