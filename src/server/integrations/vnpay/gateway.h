// The merchant side of VNPay 2.1.0: the payment URL the citizen's browser is sent to, and the
// result parameters the gateway sends back (to the Return URL, which only displays, and to the
// IPN, which is authoritative). Amounts cross as VND × 100 (vnp_Amount); everything here keeps
// whole đồng.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "integrations/vnpay/signing.h"

namespace cdscb::server::integrations::vnpay {

struct Merchant {
  std::string pay_url;      // the gateway's ".../paymentv2/vpcpay.html"
  std::string api_url;      // its ".../merchant_webapi/api/transaction" (querydr, refund)
  std::string tmn_code;     // vnp_TmnCode
  std::string hash_secret;  // vnp_HashSecret, from the environment only
};

struct Payment {
  std::string txn_ref;  // our order code
  std::int64_t amount_vnd = 0;
  std::string order_info;  // ASCII, no diacritics (VNPay asks for "tiếng Việt không dấu")
  std::string return_url;
  std::string client_ip;  // the address the server already trusts for the caller
  long long created_unix = 0;
  long long expires_unix = 0;
};

// The URL to send the browser to, signed.
std::string payment_url(const Merchant& merchant, const Payment& payment);

// What a Return URL or IPN call says, once its checksum is verified.
struct Result {
  std::string txn_ref;
  std::int64_t amount_vnd = 0;     // vnp_Amount / 100
  std::string response_code;       // vnp_ResponseCode
  std::string transaction_status;  // vnp_TransactionStatus
  std::string transaction_no;      // vnp_TransactionNo ("0" when cancelled)
  std::string bank_code;
  std::string pay_date;  // yyyyMMddHHmmss, GMT+7
  // Paid only when both codes are "00".
  bool paid() const { return response_code == "00" && transaction_status == "00"; }
};

// nullopt when the checksum fails, the terminal is not ours, or vnp_Amount is not a whole
// number of đồng × 100; the caller then books nothing at all.
std::optional<Result> read_result(const Merchant& merchant, const Params& params);

}  // namespace cdscb::server::integrations::vnpay
