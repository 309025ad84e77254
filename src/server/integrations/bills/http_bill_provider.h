// A bill provider reached over HTTP with the JSON contract of sandbox/bills/README.md: requests
// under <base>/v1/<provider id>/, each signed with X-Timestamp and X-Signature =
// hex HMAC-SHA256(secret, METHOD "\n" TARGET "\n" TIMESTAMP "\n" BODY).
#pragma once

#include <chrono>
#include <string>

#include "integrations/bills/bill_provider.h"
#include "integrations/http_client.h"

namespace cdscb::server::integrations::bills {

struct HttpProviderConfig {
  std::string base_url;     // "http://127.0.0.1:PORT" (no trailing slash)
  std::string provider_id;  // "evn", "water", "vnpt", …
  std::string secret;       // from the environment only
  HttpCall call;            // address policy, CA file; timeout per step
};

class HttpBillProvider final : public BillProvider {
 public:
  explicit HttpBillProvider(HttpProviderConfig config);
  Outcome<Customer> lookup(const std::string& customer_code) override;
  Outcome<Confirmation> confirm(const ConfirmRequest& request) override;
  Outcome<Confirmation> find_confirmation(const std::string& order_code) override;
  Outcome<std::vector<Confirmation>> confirmations_of_day(const std::string& day) override;

 private:
  // Sends a signed request; the reply, or nullopt with the reason in `detail` when unreachable.
  std::optional<HttpReply> send(const std::string& method, const std::string& target,
                                const std::string& body, std::string& detail);
  HttpProviderConfig config_;
  std::optional<HttpUrl> base_;
};

}  // namespace cdscb::server::integrations::bills
