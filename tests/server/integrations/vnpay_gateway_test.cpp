#include <doctest/doctest.h>

#include <string>

#include "core/time_text.h"
#include "integrations/vnpay/gateway.h"
#include "integrations/vnpay/signing.h"
#include "security/hmac.h"

using namespace cdscb;

namespace vnpay = cdscb::server::integrations::vnpay;

namespace {

const vnpay::Merchant kMerchant{"http://127.0.0.1:9/paymentv2/vpcpay.html", "", "CDSCB001",
                                "VNPAYSANDBOXSECRET"};

// The gateway's answer for a payment, signed as the gateway signs it.
vnpay::Params signed_result(const std::string& code, const std::string& status,
                            const std::string& amount = "80147000") {
  vnpay::Params params{{"vnp_Amount", amount},
                       {"vnp_BankCode", "NCB"},
                       {"vnp_OrderInfo", "Thanh toan don CDS2612020001"},
                       {"vnp_PayDate", "20261202091503"},
                       {"vnp_ResponseCode", code},
                       {"vnp_TmnCode", "CDSCB001"},
                       {"vnp_TransactionNo", "14012345"},
                       {"vnp_TransactionStatus", status},
                       {"vnp_TxnRef", "CDS2612020001"}};
  params["vnp_SecureHash"] =
      cdscb::server::security::hmac_sha512_hex(kMerchant.hash_secret, vnpay::hash_data(params));
  return params;
}

}  // namespace

TEST_CASE("values are form-encoded as VNPay's samples encode them") {
  CHECK(vnpay::form_encode("Thanh toan don CDS1") == "Thanh+toan+don+CDS1");
  CHECK(vnpay::form_encode("http://127.0.0.1:8080/pay/return") ==
        "http%3A%2F%2F127.0.0.1%3A8080%2Fpay%2Freturn");
  // As the WHATWG URLSearchParams serializer writes them (checked with node).
  CHECK(vnpay::form_encode("x y~*!()'\xC3\xA9/:") == "x+y%7E*%21%28%29%27%C3%A9%2F%3A");
}

TEST_CASE("the checksum covers the sorted, non-empty vnp_ parameters") {
  const vnpay::Params params{{"vnp_Version", "2.1.0"},
                             {"vnp_Command", "pay"},
                             {"vnp_TmnCode", "CDSCB001"},
                             {"vnp_Amount", "80147000"},
                             {"vnp_CurrCode", "VND"},
                             {"vnp_TxnRef", "CDS2612020001"},
                             {"vnp_OrderInfo", "Thanh toan don CDS2612020001"},
                             {"vnp_OrderType", "billpayment"},
                             {"vnp_Locale", "vn"},
                             {"vnp_ReturnUrl", "http://127.0.0.1:8080/pay/return"},
                             {"vnp_IpAddr", "203.113.1.2"},
                             {"vnp_CreateDate", "20261202091500"},
                             {"vnp_ExpireDate", "20261202093000"},
                             {"vnp_BankCode", ""},
                             {"other", "x"}};
  // The example of sandbox/vnpay/README.md.
  CHECK(vnpay::hash_data(params) ==
        "vnp_Amount=80147000&vnp_Command=pay&vnp_CreateDate=20261202091500&vnp_CurrCode=VND&"
        "vnp_ExpireDate=20261202093000&vnp_IpAddr=203.113.1.2&vnp_Locale=vn&vnp_OrderInfo=Thanh+"
        "toan+don+CDS2612020001&vnp_OrderType=billpayment&vnp_ReturnUrl=http%3A%2F%2F127.0.0.1%"
        "3A8080%2Fpay%2Freturn&vnp_TmnCode=CDSCB001&vnp_TxnRef=CDS2612020001&vnp_Version=2.1.0");
  // HMAC-SHA512 of that string under the secret, computed independently with node's crypto.
  CHECK(vnpay::signed_query(params, "VNPAYSANDBOXSECRET")
            .ends_with("&vnp_SecureHash="
                       "bd584b7de0f675f5a632a07ebaac75a9bd6652ed73d0c59829981482ad26777cc699e59f87c"
                       "8a6a33d39c2a0f2471e446d890f3408b9138e6f75de0c56c831b9"));
}

TEST_CASE("the payment URL asks for the order's amount × 100, in Vietnam's time") {
  const long long created = *core::parse_rfc3339("2026-12-02T02:15:00Z");
  const std::string url = vnpay::payment_url(
      kMerchant, {"CDS2612020001", 801470, "Thanh toan don CDS2612020001",
                  "http://127.0.0.1:8080/pay/return", "203.113.1.2", created, created + 900});
  CHECK(url.starts_with(kMerchant.pay_url + "?vnp_Amount=80147000&"));
  CHECK(url.find("&vnp_CreateDate=20261202091500&") != std::string::npos);
  CHECK(url.find("&vnp_ExpireDate=20261202093000&") != std::string::npos);
  CHECK(url.find("&vnp_TxnRef=CDS2612020001&") != std::string::npos);
  CHECK(url.find("&vnp_SecureHash=") != std::string::npos);
}

TEST_CASE("a gateway result is read only when its checksum holds") {
  const auto paid = vnpay::read_result(kMerchant, signed_result("00", "00"));
  REQUIRE(paid);
  CHECK(paid->paid());
  CHECK(paid->amount_vnd == 801470);
  CHECK(paid->txn_ref == "CDS2612020001");
  CHECK(paid->transaction_no == "14012345");
  const auto cancelled = vnpay::read_result(kMerchant, signed_result("24", "02"));
  REQUIRE(cancelled);
  CHECK_FALSE(cancelled->paid());
  // "00" as the response code alone is not a payment.
  CHECK_FALSE(vnpay::read_result(kMerchant, signed_result("00", "02"))->paid());

  auto tampered = signed_result("00", "00");
  tampered["vnp_Amount"] = "100";
  CHECK_FALSE(vnpay::read_result(kMerchant, tampered));
  auto unsigned_params = signed_result("00", "00");
  unsigned_params.erase("vnp_SecureHash");
  CHECK_FALSE(vnpay::read_result(kMerchant, unsigned_params));
  auto upper = signed_result("00", "00");
  for (char& c : upper["vnp_SecureHash"]) c = static_cast<char>(std::toupper(c));
  CHECK(vnpay::read_result(kMerchant, upper));
  // Signed by someone with another secret, or for another terminal.
  vnpay::Merchant other = kMerchant;
  other.hash_secret = "another";
  CHECK_FALSE(vnpay::read_result(other, signed_result("00", "00")));
  other = kMerchant;
  other.tmn_code = "OTHER001";
  CHECK_FALSE(vnpay::read_result(other, signed_result("00", "00")));
  // An amount that is not whole đồng × 100.
  CHECK_FALSE(vnpay::read_result(kMerchant, signed_result("00", "00", "80147050")));
  CHECK_FALSE(vnpay::read_result(kMerchant, signed_result("00", "00", "-100")));
}
