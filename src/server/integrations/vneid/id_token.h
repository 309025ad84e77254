// ID token validation (OIDC Core §3.1.3.7): signature against the provider's JWKS, then issuer,
// audience, azp, expiry, issue time and nonce.
#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "integrations/vneid/jwks.h"
#include "integrations/vneid/jws.h"

namespace cdscb::server::integrations::vneid {

struct IdTokenExpectations {
  std::string issuer;
  std::string client_id;
  std::string nonce;  // the one this login attempt sent; never empty
  std::chrono::system_clock::time_point now;
  std::chrono::seconds leeway{60};
};

// Checks the claims of an ID token whose signature has been verified. Throws OidcError:
// wrong_issuer, wrong_audience (aud lacks client_id; several audiences without azp == client_id;
// azp naming another client), expired (exp <= now - leeway), not_yet_valid (iat or nbf beyond
// now + leeway), wrong_nonce, malformed (sub, exp or iat missing or of the wrong type).
void check_id_token_claims(const nlohmann::json& claims, const IdTokenExpectations& expected);

// Fetches a fresh JWKS (after a key rotation at the provider).
using JwksRefetch = std::function<Jwks()>;

// Verifies `id_token` and returns its claims. When no key in `keys` matches the token's kid,
// `refetch` is called once and the lookup repeated; still none is OidcError(unknown_kid). Other
// failures: see parse_rs256_jws, bad_signature, and check_id_token_claims.
nlohmann::json verify_id_token(std::string_view id_token, const Jwks& keys,
                               const JwksRefetch& refetch, const IdTokenExpectations& expected);

}  // namespace cdscb::server::integrations::vneid
