#include "integrations/vnpay/gateway.h"

#include <charconv>

#include "core/time_text.h"

namespace cdscb::server::integrations::vnpay {
namespace {

std::string value_of(const Params& params, const char* name) {
  const auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

}  // namespace

std::string payment_url(const Merchant& merchant, const Payment& payment) {
  const Params params{
      {"vnp_Version", "2.1.0"},
      {"vnp_Command", "pay"},
      {"vnp_TmnCode", merchant.tmn_code},
      {"vnp_Amount", std::to_string(payment.amount_vnd * 100)},
      {"vnp_CurrCode", "VND"},
      {"vnp_TxnRef", payment.txn_ref},
      {"vnp_OrderInfo", payment.order_info},
      {"vnp_OrderType", "billpayment"},
      {"vnp_Locale", "vn"},
      {"vnp_ReturnUrl", payment.return_url},
      {"vnp_IpAddr", payment.client_ip},
      {"vnp_CreateDate", core::vietnam_compact_time(payment.created_unix)},
      {"vnp_ExpireDate", core::vietnam_compact_time(payment.expires_unix)},
  };
  return merchant.pay_url + '?' + signed_query(params, merchant.hash_secret);
}

std::optional<Result> read_result(const Merchant& merchant, const Params& params) {
  if (!verify(params, merchant.hash_secret)) return std::nullopt;
  if (value_of(params, "vnp_TmnCode") != merchant.tmn_code) return std::nullopt;
  const std::string amount = value_of(params, "vnp_Amount");
  std::int64_t hundredths = 0;
  const auto [end, error] =
      std::from_chars(amount.data(), amount.data() + amount.size(), hundredths);
  if (amount.empty() || error != std::errc() || end != amount.data() + amount.size() ||
      hundredths <= 0 || hundredths % 100 != 0)
    return std::nullopt;
  Result result;
  result.txn_ref = value_of(params, "vnp_TxnRef");
  result.amount_vnd = hundredths / 100;
  result.response_code = value_of(params, "vnp_ResponseCode");
  result.transaction_status = value_of(params, "vnp_TransactionStatus");
  result.transaction_no = value_of(params, "vnp_TransactionNo");
  result.bank_code = value_of(params, "vnp_BankCode");
  result.pay_date = value_of(params, "vnp_PayDate");
  return result;
}

}  // namespace cdscb::server::integrations::vnpay
