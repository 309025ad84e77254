// VNPay 2.1.0's merchant_webapi: "querydr" asks the gateway what became of a payment (an order
// whose IPN never came), JSON over HTTP with checksums over pipe-joined fields
// (sandbox/vnpay/README.md §3). Blocks on the network: call it from the worker pool with no
// database session held.
#pragma once

#include <optional>
#include <string>

#include "integrations/http_client.h"
#include "integrations/vnpay/gateway.h"

namespace cdscb::server::integrations::vnpay {

struct QueryRequest {
  std::string txn_ref;
  std::string order_info;          // as sent with the payment
  long long transaction_unix = 0;  // the payment's vnp_CreateDate
  std::string server_ip;
  long long now_unix = 0;
};

struct QueryAnswer {
  std::string response_code;       // "00" found; "91" no such transaction; …
  std::string transaction_status;  // "00" paid, "01" not finished, "02" failed, "05" refunding
  std::string transaction_no;
  std::string bank_code;
  std::int64_t amount_vnd = 0;
  std::string raw;  // the answer verbatim, for the order's history
  bool paid() const { return response_code == "00" && transaction_status == "00"; }
};

struct RefundRequest {
  std::string txn_ref;
  std::string order_info;
  long long transaction_unix = 0;  // the payment's vnp_CreateDate
  std::string transaction_no;
  std::int64_t amount_vnd = 0;  // the whole amount ("02", a full refund)
  std::string created_by;       // the admin who asked
  std::string server_ip;
  long long now_unix = 0;
};

struct RefundAnswer {
  std::string response_code;  // "00" accepted; "91" no such payment; "94" refunded already; …
  std::string raw;
  bool accepted() const { return response_code == "00"; }
};

// nullopt when the gateway cannot be reached or its answer is not signed by it (raw then says why
// in `error`).
std::optional<QueryAnswer> querydr(const Merchant& merchant, const QueryRequest& request,
                                   const HttpCall& call, std::string& error);

// A full refund of a successful payment (vnp_Command=refund, vnp_TransactionType=02).
std::optional<RefundAnswer> refund(const Merchant& merchant, const RefundRequest& request,
                                   const HttpCall& call, std::string& error);

}  // namespace cdscb::server::integrations::vnpay
