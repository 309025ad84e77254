#include "integrations/vneid/id_token.h"

#include <openssl/crypto.h>

#include <algorithm>

#include "integrations/vneid/errors.h"
#include "integrations/vneid/transport.h"

namespace cdscb::server::integrations::vneid {
namespace {

bool equals_in_constant_time(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// A NumericDate claim (seconds since the epoch, possibly fractional).
double numeric_date(const nlohmann::json& claims, std::string_view name) {
  const auto it = claims.find(name);
  if (it == claims.end() || !it->is_number()) {
    throw OidcError(OidcErrorCode::malformed, std::string(name) + " missing or not a number");
  }
  return it->get<double>();
}

void check_audience(const nlohmann::json& claims, const std::string& client_id) {
  const auto aud = claims.find("aud");
  const auto azp = claims.find("azp");
  std::size_t audiences = 0;
  bool ours = false;
  if (aud != claims.end() && aud->is_string()) {
    audiences = 1;
    ours = aud->get_ref<const std::string&>() == client_id;
  } else if (aud != claims.end() && aud->is_array()) {
    audiences = aud->size();
    ours = std::any_of(aud->begin(), aud->end(), [&](const nlohmann::json& item) {
      return item.is_string() && item.get_ref<const std::string&>() == client_id;
    });
  }
  if (!ours) throw OidcError(OidcErrorCode::wrong_audience, "aud does not name this client");
  const bool azp_ours =
      azp != claims.end() && azp->is_string() && azp->get_ref<const std::string&>() == client_id;
  if (audiences > 1 && !azp_ours) {
    throw OidcError(OidcErrorCode::wrong_audience, "several audiences and azp is not this client");
  }
  if (azp != claims.end() && !azp_ours) {
    throw OidcError(OidcErrorCode::wrong_audience, "azp names another client");
  }
}

}  // namespace

void check_id_token_claims(const nlohmann::json& claims, const IdTokenExpectations& expected) {
  const std::string* iss = string_member(claims, "iss");
  if (iss == nullptr || *iss != expected.issuer) {
    throw OidcError(OidcErrorCode::wrong_issuer, "iss is not the configured issuer");
  }
  check_audience(claims, expected.client_id);
  if (string_member(claims, "sub") == nullptr) {
    throw OidcError(OidcErrorCode::malformed, "sub missing");
  }
  const double now = std::chrono::duration<double>(expected.now.time_since_epoch()).count();
  const double leeway = static_cast<double>(expected.leeway.count());
  if (numeric_date(claims, "exp") <= now - leeway) {
    throw OidcError(OidcErrorCode::expired, "ID token expired");
  }
  if (numeric_date(claims, "iat") > now + leeway) {
    throw OidcError(OidcErrorCode::not_yet_valid, "ID token issued in the future");
  }
  if (claims.contains("nbf") && numeric_date(claims, "nbf") > now + leeway) {
    throw OidcError(OidcErrorCode::not_yet_valid, "ID token not valid yet (nbf)");
  }
  const std::string* nonce = string_member(claims, "nonce");
  if (expected.nonce.empty() || nonce == nullptr ||
      !equals_in_constant_time(*nonce, expected.nonce)) {
    throw OidcError(OidcErrorCode::wrong_nonce, "nonce does not match this login attempt");
  }
}

nlohmann::json verify_id_token(std::string_view id_token, const Jwks& keys,
                               const JwksRefetch& refetch, const IdTokenExpectations& expected) {
  Rs256Jws jws = parse_rs256_jws(id_token);
  const SigningKey* key = keys.select(jws.kid);
  Jwks refreshed;
  if (key == nullptr && refetch) {
    // The provider may have rotated its keys since we cached them: look once more, no more.
    refreshed = refetch();
    key = refreshed.select(jws.kid);
  }
  if (key == nullptr) {
    throw OidcError(OidcErrorCode::unknown_kid,
                    "no provider key for kid " +
                        (jws.kid ? "\"" + bounded_text(*jws.kid, 64) + "\"" : "(none)"));
  }
  if (!verify_rs256(jws, key->key.get())) {
    throw OidcError(OidcErrorCode::bad_signature, "ID token signature does not verify");
  }
  check_id_token_claims(jws.payload, expected);
  return std::move(jws.payload);
}

}  // namespace cdscb::server::integrations::vneid
