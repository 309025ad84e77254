// The userinfo endpoint (OIDC Core §5.3): the citizen's claims, read with the access token.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "integrations/vneid/http_fetch.h"

namespace cdscb::server::integrations::vneid {

// GETs `userinfo_endpoint` with "Authorization: Bearer <access_token>" and returns the claims.
// Throws OidcError: userinfo_error for a non-200 answer or a body that is not a JSON object (a
// signed or encrypted userinfo is not configured for this client); userinfo_sub_mismatch unless
// its `sub` equals `expected_sub`, the ID token's (§5.3.2: otherwise the claims may belong to
// someone else); network when the provider cannot be reached.
nlohmann::json fetch_userinfo(const HttpFetch& fetch, const std::string& userinfo_endpoint,
                              std::string_view access_token, std::string_view expected_sub);

}  // namespace cdscb::server::integrations::vneid
