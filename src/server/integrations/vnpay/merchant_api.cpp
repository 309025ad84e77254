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

// POSTs `body` signed over `request_fields`; the answer once its checksum over `answer_fields`
// holds, else nullopt with the reason in `error`.
std::optional<json> call_webapi(const Merchant& merchant, json body,
                                std::initializer_list<const char*> request_fields,
                                std::initializer_list<const char*> answer_fields,
                                const HttpCall& call, std::string& error, std::string& raw) {
  const auto url = parse_http_url(merchant.api_url);
  if (!url) {
    error = "bad merchant_webapi URL";
    return std::nullopt;
  }
  body["vnp_SecureHash"] =
      security::hmac_sha512_hex(merchant.hash_secret, joined(body, request_fields));
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
  json answer = json::parse(reply.body, nullptr, false);
  if (reply.status != 200 || !answer.is_object()) {
    error = "merchant_webapi answered HTTP " + std::to_string(reply.status);
    return std::nullopt;
  }
  const std::string expected =
      security::hmac_sha512_hex(merchant.hash_secret, joined(answer, answer_fields));
  if (!security::constant_time_equals(answer.value("vnp_SecureHash", ""), expected)) {
    error = "merchant_webapi answer not signed by the gateway";
    return std::nullopt;
  }
  raw = reply.body;
  return answer;
}

json common_fields(const Merchant& merchant, const char* command, const std::string& txn_ref,
                   const std::string& order_info, long long transaction_unix, const std::string& ip,
                   long long now) {
  return {{"vnp_RequestId", security::random_digits(20)},
          {"vnp_Version", "2.1.0"},
          {"vnp_Command", command},
          {"vnp_TmnCode", merchant.tmn_code},
          {"vnp_TxnRef", txn_ref},
          {"vnp_OrderInfo", order_info},
          {"vnp_TransactionDate", core::vietnam_compact_time(transaction_unix)},
          {"vnp_CreateDate", core::vietnam_compact_time(now)},
          {"vnp_IpAddr", ip}};
}

}  // namespace

std::optional<QueryAnswer> querydr(const Merchant& merchant, const QueryRequest& request,
                                   const HttpCall& call, std::string& error) {
  std::string raw;
  const auto answer =
      call_webapi(merchant,
                  common_fields(merchant, "querydr", request.txn_ref, request.order_info,
                                request.transaction_unix, request.server_ip, request.now_unix),
                  {"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef",
                   "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"},
                  {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message",
                   "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate",
                   "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus",
                   "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount"},
                  call, error, raw);
  if (!answer) return std::nullopt;
  QueryAnswer result;
  result.response_code = answer->value("vnp_ResponseCode", "");
  result.transaction_status = answer->value("vnp_TransactionStatus", "");
  result.transaction_no = answer->value("vnp_TransactionNo", "");
  result.bank_code = answer->value("vnp_BankCode", "");
  const std::string amount = answer->value("vnp_Amount", "");
  std::int64_t hundredths = 0;
  std::from_chars(amount.data(), amount.data() + amount.size(), hundredths);
  result.amount_vnd = hundredths / 100;
  result.raw = raw;
  return result;
}

std::optional<RefundAnswer> refund(const Merchant& merchant, const RefundRequest& request,
                                   const HttpCall& call, std::string& error) {
  json body = common_fields(merchant, "refund", request.txn_ref, request.order_info,
                            request.transaction_unix, request.server_ip, request.now_unix);
  body["vnp_TransactionType"] = "02";
  body["vnp_Amount"] = std::to_string(request.amount_vnd * 100);
  body["vnp_TransactionNo"] = request.transaction_no;
  body["vnp_CreateBy"] = request.created_by;
  std::string raw;
  const auto answer = call_webapi(
      merchant, body,
      {"vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType",
       "vnp_TxnRef", "vnp_Amount", "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy",
       "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"},
      {"vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode",
       "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo",
       "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo"},
      call, error, raw);
  if (!answer) return std::nullopt;
  return RefundAnswer{answer->value("vnp_ResponseCode", ""), raw};
}

}  // namespace cdscb::server::integrations::vnpay
