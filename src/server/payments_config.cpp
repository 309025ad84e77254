#include "payments_config.h"

#include <cctype>
#include <stdexcept>

#include "core/bill_codes.h"
#include "integrations/http_client.h"

namespace cdscb::server {

void apply_payments_flag(std::string_view flag, const std::string& value, PaymentsConfig& config) {
  if (flag == "--bills-url" || flag == "--vnpay-url") {
    if (!value.empty() && !integrations::parse_http_url(value)) {
      throw std::invalid_argument(std::string(flag) + ": expected http(s)://host[:port], got " +
                                  value);
    }
    (flag == "--bills-url" ? config.bills_url : config.vnpay_url) = value;
  } else if (flag == "--vnpay-tmn-code") {
    config.vnpay_tmn_code = value;
  } else if (flag == "--vietqr-bin") {
    if (!value.empty() &&
        (value.size() != 6 || value.find_first_not_of("0123456789") != std::string::npos)) {
      throw std::invalid_argument("--vietqr-bin: expected the bank's 6-digit NAPAS BIN, got " +
                                  value);
    }
    config.vietqr_bin = value;
  } else if (flag == "--vietqr-account") {
    config.vietqr_account = value;
  } else {
    throw std::invalid_argument("unknown option " + std::string(flag));
  }
}

void read_payments_secrets(const std::function<std::optional<std::string>(const char* name)>& env,
                           PaymentsConfig& config) {
  // Each provider the payment service knows is offered once BILLS_SECRET_<ID> is set.
  for (const auto& known : core::bill_providers()) {
    const std::string provider(known.id);
    std::string variable = "BILLS_SECRET_" + provider;
    for (char& c : variable) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (auto secret = env(variable.c_str()); secret && !secret->empty())
      config.bill_secrets[provider] = *secret;
  }
  if (auto secret = env("VNPAY_HASH_SECRET")) config.vnpay_hash_secret = *secret;
  if (auto secret = env("VIETQR_WEBHOOK_SECRET")) config.vietqr_secret = *secret;
}

}  // namespace cdscb::server
