// What the payment tests share: the accounts harness (database, clock, router, jobs) with the
// payments routes beside it, the real bill providers' sandbox (sandbox/bills, started with node
// on a free loopback port) and the VNPay merchant secret, to sign what the gateway would send.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "config.h"
#include "integrations/vnpay/signing.h"
#include "modules/accounts/accounts_harness.h"
#include "modules/payments/providers.h"
#include "modules/payments/routes.h"
#include "test_support.h"

namespace cdscb::server::testing {

inline constexpr char kVnpaySecret[] = "VNPAYTESTSECRET";
inline constexpr char kTmnCode[] = "CDSCB001";
inline constexpr char kVietQrSecret[] = "VIETQRTESTSECRET";
inline constexpr char kVietQrBin[] = "970415";
inline constexpr char kVietQrAccount[] = "113000006868";

// node sandbox/bills/server.mjs --port 0, with a secret per provider; stopped by its pid.
class BillsSandbox {
 public:
  BillsSandbox();
  ~BillsSandbox();
  const std::string& url() const { return url_; }
  // POST /control/… (no authentication); the answer's body.
  std::string control(const std::string& path, const nlohmann::json& body);

 private:
  std::unique_ptr<ChildProcess> process_;
  std::string url_;
};

// node sandbox/vnpay/server.mjs --port 0 with our terminal and secret and no IPN URL (a gateway
// whose IPN never comes); stopped by its pid.
class VnpaySandbox {
 public:
  VnpaySandbox();
  ~VnpaySandbox();
  const std::string& url() const { return url_; }
  // A request to the sandbox; the reply.
  integrations::HttpReply send(const std::string& method, const std::string& target,
                               const std::string& body = "");

 private:
  std::unique_ptr<ChildProcess> process_;
  std::string url_;
};

class PaymentsHarness {
 public:
  // On a fresh database of the run's backend, or on `database` (migrated; e.g. a larger pool);
  // with `gateway`, VNPay is that sandbox and the clock is set to the real time (the gateway
  // checks vnp_ExpireDate against its own clock).
  explicit PaymentsHarness(db::Database* database = nullptr, VnpaySandbox* gateway = nullptr);
  // What the routes were given, for tasks the server runs on its timer.
  const PaymentsDeps& deps() const { return *deps_; }

 private:
  std::unique_ptr<AccountsHarness> owned_accounts_;
  std::unique_ptr<PaymentsDeps> deps_;

 public:
  AccountsHarness& accounts;
  BillsSandbox bills;
  Config config;

  // A signed-in citizen's cookie (a new account per phone).
  std::string citizen(const std::string& phone);
  // POST /api/v1/payments/orders for `bill_ids` of `customer_code` at evn.
  http::Response order(const std::string& cookie, const std::string& customer_code,
                       const std::vector<std::string>& bill_ids,
                       const std::string& provider = "evn");
  // GET /api/v1/payments/vnpay/ipn with the result parameters VNPay would send for `code`,
  // signed with `secret` (the merchant's unless a test forges one).
  http::Response ipn(const std::string& code, long long amount_vnd,
                     const std::string& response_code, const std::string& transaction_status = "",
                     const std::string& secret = kVnpaySecret);
  // The query string of such a result.
  static std::string result_query(const std::string& code, long long amount_vnd,
                                  const std::string& response_code,
                                  const std::string& transaction_status, const std::string& secret);
  // POST /api/v1/payments/vietqr/notify as the collecting bank sends it, signed with `secret`.
  http::Response bank_transfer(const std::string& order_code, long long amount,
                               const std::string& transaction_id,
                               const std::string& secret = kVietQrSecret);
  std::string status_of(const std::string& cookie, const std::string& code);
};

}  // namespace cdscb::server::testing
