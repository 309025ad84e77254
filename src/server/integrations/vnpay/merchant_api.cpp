#include "integrations/vnpay/merchant_api.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "core/time_text.h"
#include "security/crypto.h"
#include "security/hmac.h"

namespace cdscb::server::integrations::vnpay {
namespace {

using nlohmann::json;

std::string joined(const json& body, std::initializer_list<const char*> names) {
  std::string data;
  bool first = true;
  for (const char* name : names) {
    if (!first) data += '|';
    first = false;
    const auto it = body.find(name);
    if (it != body.end() && it->is_string()) data += it->get<std::string>();
  }
  return data;
}

}  // namespace

std::optional<QueryAnswer> querydr(const Merchant& merchant, const QueryRequest& request,
                                   const HttpCall& call, std::string& error) {
  const auto url = parse_http_url(merchant.api_url);
  if (!url) {
    error = "bad merchant_webapi URL";
    return std::nullopt;
  }
  json body{{"vnp_RequestId", security::random_digits(20)},
            {"vnp_Version", "2.1.0"},
            {"vnp_Command", "querydr"},
            {"vnp_TmnCode", merchant.tmn_code},
            {"vnp_TxnRef", request.txn_ref},
            {"vnp_OrderInfo", request.order_info},
            {"vnp_TransactionDate", core::vietnam_compact_time(request.transaction_unix)},
            {"vnp_CreateDate", core::vietnam_compact_time(request.now_unix)},
            {"vnp_IpAddr", request.server_ip}};
  body["vnp_SecureHash"] = security::hmac_sha512_hex(
      merchant.hash_secret,
      joined(body, {"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef",
                    "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"}));
  HttpCall post = call;
  post.method = "POST";
  post.body = body.dump();
  post.headers.emplace_back("Content-Type", "application/json");
  HttpReply reply;
  try {
    reply = http_call(*url, post);
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
  const json answer = json::parse(reply.body, nullptr, false);
  if (reply.status != 200 || !answer.is_object()) {
    error = "querydr answered HTTP " + std::to_string(reply.status);
    return std::nullopt;
  }
  const std::string expected = security::hmac_sha512_hex(
      merchant.hash_secret,
      joined(answer, {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message",
                      "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate",
                      "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus",
                      "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"}));
  if (!security::constant_time_equals(answer.value("vnp_SecureHash", ""), expected)) {
    error = "querydr answer not signed by the gateway";
    return std::nullopt;
  }
  QueryAnswer result;
  result.response_code = answer.value("vnp_ResponseCode", "");
  result.transaction_status = answer.value("vnp_TransactionStatus", "");
  result.transaction_no = answer.value("vnp_TransactionNo", "");
  result.bank_code = answer.value("vnp_BankCode", "");
  const std::string amount = answer.value("vnp_Amount", "");
  std::int64_t hundredths = 0;
  std::from_chars(amount.data(), amount.data() + amount.size(), hundredths);
  result.amount_vnd = hundredths / 100;
  result.raw = reply.body;
  return result;
}

}  // namespace cdscb::server::integrations::vnpay
