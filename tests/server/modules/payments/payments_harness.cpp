#include "modules/payments/payments_harness.h"

#include <doctest/doctest.h>

#include <cstdlib>

#include "security/hmac.h"

namespace cdscb::server::testing {
namespace {

constexpr const char* kProviders[] = {"evn", "water", "vnpt", "viettel", "mobifone"};

std::string secret_of(const std::string& provider) { return "bills-test-secret-" + provider; }

}  // namespace

BillsSandbox::BillsSandbox() {
  // The child inherits the environment: one secret per provider, as scripts/run exports them.
  for (const char* provider : kProviders) {
    std::string variable = "BILLS_SECRET_" + std::string(provider);
    for (char& c : variable) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    ::setenv(variable.c_str(), secret_of(provider).c_str(), 1);
  }
  process_ = std::make_unique<ChildProcess>(
      "node",
      std::vector<std::string>{CDSCB_SOURCE_DIR "/sandbox/bills/server.mjs", "--port", "0"});
  const unsigned short port = listening_port(process_->first_line(std::chrono::seconds(20)));
  REQUIRE_MESSAGE(port != 0, "sandbox/bills did not start; see " << process_->log_path());
  url_ = "http://127.0.0.1:" + std::to_string(port);
}

BillsSandbox::~BillsSandbox() { process_->terminate(std::chrono::seconds(5)); }

std::string BillsSandbox::control(const std::string& path, const nlohmann::json& body) {
  auto url = integrations::parse_http_url(url_ + path);
  integrations::HttpCall call = loopback_call();
  call.method = "POST";
  call.body = body.dump();
  call.headers.emplace_back("Content-Type", "application/json");
  return integrations::http_call(*url, call).body;
}

VnpaySandbox::VnpaySandbox() {
  ::setenv("VNPAY_HASH_SECRET", kVnpaySecret, 1);
  process_ = std::make_unique<ChildProcess>(
      "node", std::vector<std::string>{CDSCB_SOURCE_DIR "/sandbox/vnpay/server.mjs", "--port", "0",
                                       "--tmn-code", kTmnCode});
  const unsigned short port = listening_port(process_->first_line(std::chrono::seconds(20)));
  REQUIRE_MESSAGE(port != 0, "sandbox/vnpay did not start; see " << process_->log_path());
  url_ = "http://127.0.0.1:" + std::to_string(port);
}

VnpaySandbox::~VnpaySandbox() { process_->terminate(std::chrono::seconds(5)); }

integrations::HttpReply VnpaySandbox::send(const std::string& method, const std::string& target,
                                           const std::string& body) {
  auto url = integrations::parse_http_url(target.starts_with("http") ? target : url_ + target);
  REQUIRE(url);
  integrations::HttpCall call = loopback_call();
  call.method = method;
  call.body = body;
  if (!body.empty()) call.headers.emplace_back("Content-Type", "application/json");
  return integrations::http_call(*url, call);
}

PaymentsHarness::PaymentsHarness(db::Database* database, VnpaySandbox* gateway)
    : owned_accounts_(database ? std::make_unique<AccountsHarness>(*database, "")
                               : std::make_unique<AccountsHarness>()),
      accounts(*owned_accounts_) {
  config.payments.bills_url = bills.url();
  for (const char* provider : kProviders)
    config.payments.bill_secrets[provider] = secret_of(provider);
  // Without a gateway the browser would go to a closed port; no such test follows the URL.
  config.payments.vnpay_url = gateway ? gateway->url() : "http://127.0.0.1:9";
  if (gateway) {
    accounts.clock.advance(std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now() - accounts.clock.now()));
  }
  config.payments.vnpay_tmn_code = kTmnCode;
  config.payments.vnpay_hash_secret = kVnpaySecret;
  config.payments.vietqr_bin = kVietQrBin;
  config.payments.vietqr_account = kVietQrAccount;
  config.payments.vietqr_secret = kVietQrSecret;
  config.outbound = loopback_allowed();
  auto providers = std::make_shared<const payments::Providers>(config.payments, loopback_call());
  deps_ = std::make_unique<PaymentsDeps>(PaymentsDeps{
      .database = accounts.database(),
      .sessions = accounts::Sessions(accounts.database(), {.now = accounts.clock.function()}),
      .config = config,
      .jobs = accounts.jobs(),
      .providers = providers,
      .outbound = loopback_call()});
  register_payments_routes(accounts.router(), *deps_);
}

std::string PaymentsHarness::citizen(const std::string& phone) {
  return accounts.create_account(phone, "Non nuoc Cao Bang 1", "Nông Thị Hoa");
}

http::Response PaymentsHarness::order(const std::string& cookie, const std::string& customer_code,
                                      const std::vector<std::string>& bill_ids,
                                      const std::string& provider) {
  return accounts.post(
      "/api/v1/payments/orders",
      {{"provider", provider}, {"customer_code", customer_code}, {"bill_ids", bill_ids}},
      {.cookie = cookie});
}

std::string PaymentsHarness::result_query(const std::string& code, long long amount_vnd,
                                          const std::string& response_code,
                                          const std::string& transaction_status,
                                          const std::string& secret) {
  integrations::vnpay::Params params{
      {"vnp_Amount", std::to_string(amount_vnd * 100)},
      {"vnp_BankCode", "NCB"},
      {"vnp_CardType", "ATM"},
      {"vnp_OrderInfo", "Thanh toan hoa don " + code},
      {"vnp_PayDate", "20261202091503"},
      {"vnp_ResponseCode", response_code},
      {"vnp_TmnCode", kTmnCode},
      {"vnp_TransactionNo", response_code == "24" ? "0" : "14012345"},
      {"vnp_TransactionStatus",
       transaction_status.empty() ? (response_code == "00" ? "00" : "02") : transaction_status},
      {"vnp_TxnRef", code}};
  return integrations::vnpay::signed_query(params, secret);
}

http::Response PaymentsHarness::ipn(const std::string& code, long long amount_vnd,
                                    const std::string& response_code,
                                    const std::string& transaction_status,
                                    const std::string& secret) {
  return accounts.get("/api/v1/payments/vnpay/ipn?" +
                      result_query(code, amount_vnd, response_code, transaction_status, secret));
}

http::Response PaymentsHarness::bank_transfer(const std::string& order_code, long long amount,
                                              const std::string& transaction_id,
                                              const std::string& secret) {
  const std::string body = nlohmann::json{{"transaction_id", transaction_id},
                                          {"bank_bin", kVietQrBin},
                                          {"account_no", kVietQrAccount},
                                          {"amount", amount},
                                          {"currency", "VND"},
                                          {"order_code", order_code},
                                          {"description", order_code},
                                          {"transaction_time", "2026-12-02T09:15:03+07:00"}}
                               .dump();
  const std::string timestamp = std::to_string(
      std::chrono::duration_cast<std::chrono::seconds>(accounts.clock.now().time_since_epoch())
          .count());
  http::Request request = make_request("POST", "/api/v1/payments/vietqr/notify");
  request.body = body;
  request.headers.add("Content-Type", "application/json");
  request.headers.add("X-Signature-Timestamp", timestamp);
  request.headers.add("X-Signature", security::hmac_sha256_hex(secret, timestamp + "." + body));
  http::Response response = accounts.router().dispatch(request);
  accounts.jobs().run_due();
  return response;
}

std::string PaymentsHarness::status_of(const std::string& cookie, const std::string& code) {
  const auto answer = accounts.get("/api/v1/payments/orders/" + code, {.cookie = cookie});
  REQUIRE(answer.status == 200);
  return body_of(answer)["order"]["status"].get<std::string>();
}

}  // namespace cdscb::server::testing
