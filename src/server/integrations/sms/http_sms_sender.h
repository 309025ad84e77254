// An SmsSender that POSTs {"to":phone,"text":text} as JSON to a gateway URL (--sms-url); a 2xx
// answer means accepted. sandbox/sms/server.mjs speaks this protocol.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "integrations/http_client.h"
#include "integrations/sms/sms_sender.h"

namespace cdscb::server::integrations {

class HttpSmsSender : public SmsSender {
 public:
  // An empty `url` makes every send fail with a warning in the log (no gateway configured).
  // Throws std::invalid_argument for a URL that parse_http_url rejects. `ca_file`: the
  // certificate authorities trusted for an https gateway (empty: the system's store);
  // `addresses`: where it may connect (a gateway on a private network must be allowed).
  explicit HttpSmsSender(const std::string& url,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10),
                         std::string ca_file = "", AddressPolicy addresses = {});

  bool send(const std::string& phone, const std::string& text) override;
  bool configured() const override { return url_.has_value(); }

 private:
  std::optional<HttpUrl> url_;
  std::chrono::milliseconds timeout_;
  std::string ca_file_;
  AddressPolicy addresses_;
};

}  // namespace cdscb::server::integrations
