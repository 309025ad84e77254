// The payment service's configuration: where the bill providers, the VNPay gateway and the
// VietQR collection account are. Secrets come from the environment only, never a flag (flags are
// visible in ps): BILLS_SECRET_<PROVIDER> (e.g. BILLS_SECRET_EVN), VNPAY_HASH_SECRET,
// VIETQR_WEBHOOK_SECRET.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cdscb::server {

struct PaymentsConfig {
  // The bill providers' endpoint (http(s)://host[:port]); each provider is under /v1/<id>/.
  std::string bills_url;
  // Provider id ("evn", "water", "vnpt", "viettel", "mobifone") → its secret; a provider without
  // one is not offered.
  std::map<std::string, std::string> bill_secrets;
  // The VNPay gateway (http(s)://host[:port]): /paymentv2/vpcpay.html and
  // /merchant_webapi/api/transaction under it.
  std::string vnpay_url;
  std::string vnpay_tmn_code;
  std::string vnpay_hash_secret;
  // The collection account VietQR transfers go to, and the collecting bank's signing secret.
  std::string vietqr_bin;
  std::string vietqr_account;
  std::string vietqr_secret;

  bool bills_enabled() const { return !bills_url.empty() && !bill_secrets.empty(); }
  bool vnpay_enabled() const {
    return !vnpay_url.empty() && !vnpay_tmn_code.empty() && !vnpay_hash_secret.empty();
  }
  bool vietqr_enabled() const {
    return !vietqr_bin.empty() && !vietqr_account.empty() && !vietqr_secret.empty();
  }
};

// Sets the member of one payment flag (--bills-url, --vnpay-url, --vnpay-tmn-code, --vietqr-bin,
// --vietqr-account); std::invalid_argument with the reason for a malformed value or another flag.
void apply_payments_flag(std::string_view flag, const std::string& value, PaymentsConfig& config);

// The secrets, from the environment only: BILLS_SECRET_<PROVIDER> for each provider the service
// knows, VNPAY_HASH_SECRET, VIETQR_WEBHOOK_SECRET.
void read_payments_secrets(const std::function<std::optional<std::string>(const char* name)>& env,
                           PaymentsConfig& config);

}  // namespace cdscb::server
