// The URL the browser is sent to for "Đăng nhập bằng VNeID" (OIDC Core §3.1.2.1, with PKCE).
#pragma once

#include <string>
#include <string_view>

#include "integrations/vneid/config.h"

namespace cdscb::server::integrations::vneid {

// `authorization_endpoint` with response_type=code, client_id, redirect_uri, scope, state, nonce,
// code_challenge and code_challenge_method=S256, every value percent-encoded.
std::string authorization_url(const OidcConfig& config, std::string_view authorization_endpoint,
                              std::string_view state, std::string_view nonce,
                              std::string_view code_challenge);

}  // namespace cdscb::server::integrations::vneid
