// The back-channel half of the code flow: the authorization code and PKCE verifier go to the
// token endpoint with the client's credentials (HTTP Basic), tokens come back (OIDC Core §3.1.3).
#pragma once

#include <string>
#include <string_view>

#include "integrations/vneid/config.h"
#include "integrations/vneid/http_fetch.h"

namespace cdscb::server::integrations::vneid {

struct TokenResponse {
  std::string access_token;
  std::string id_token;
  std::string token_type;  // "Bearer"
};

// The request exchange_code sends: POST, form-encoded grant_type=authorization_code, code,
// redirect_uri, code_verifier; Authorization: Basic with the client id and secret.
OutboundRequest token_request(const OidcConfig& config, const std::string& token_endpoint,
                              std::string_view code, std::string_view code_verifier);

// Sends token_request and reads the answer. Throws OidcError: token_error for a non-200 answer,
// carrying the provider's `error` and `error_description` (invalid_grant for a reused or expired
// code); bad_token_response when a 200 lacks access_token or id_token or the type is not Bearer;
// network when the provider cannot be reached.
TokenResponse exchange_code(const HttpFetch& fetch, const OidcConfig& config,
                            const std::string& token_endpoint, std::string_view code,
                            std::string_view code_verifier);

}  // namespace cdscb::server::integrations::vneid
