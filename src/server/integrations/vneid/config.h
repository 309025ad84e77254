// What the server is told about its VNeID client registration. Production points it at the
// national portal; development at sandbox/vneid.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace cdscb::server::integrations::vneid {

using Clock = std::function<std::chrono::system_clock::time_point()>;

struct OidcConfig {
  std::string
      issuer;  // exactly as the provider names itself, e.g. "https://sso.dancuquocgia.gov.vn"
  std::string client_id;
  std::string client_secret;
  std::string redirect_uri;  // our callback, as registered with the provider
  std::string scopes = "openid profile";
  // Clock skew tolerated on exp, iat and nbf.
  std::chrono::seconds leeway{60};
  // How long a discovery document is trusted before it is read again.
  std::chrono::hours discovery_max_age{24};
};

}  // namespace cdscb::server::integrations::vneid
