// The provider's signing keys (RFC 7517 JWK Set), as OpenSSL public keys ready to verify RS256.
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "integrations/vneid/http_fetch.h"

namespace cdscb::server::integrations::vneid {

struct SigningKey {
  std::string kid;  // may be empty when the provider gives none
  std::shared_ptr<EVP_PKEY> key;
};

class Jwks {
 public:
  Jwks() = default;
  explicit Jwks(std::vector<SigningKey> keys) : keys_(std::move(keys)) {}

  // The key with `kid`; with no kid, the only key when there is exactly one; nullptr otherwise.
  const SigningKey* select(const std::optional<std::string>& kid) const;

  std::size_t size() const { return keys_.size(); }

 private:
  std::vector<SigningKey> keys_;
};

// An RSA public key from the base64url big-endian modulus and exponent of a JWK; nullptr when they
// do not decode or the modulus is shorter than 2048 bits.
std::shared_ptr<EVP_PKEY> rsa_public_key(std::string_view n, std::string_view e);

// Parses {"keys":[...]}. Keeps the RSA keys that may verify RS256 (kty "RSA", use absent or "sig",
// alg absent or "RS256", n and e valid); skips the rest, so a provider may publish other keys too.
// Throws OidcError(bad_jwks) when the document has no "keys" array.
Jwks parse_jwks(std::string_view body);

// Fetches and parses `jwks_uri`; transport failure or non-200 is OidcError(network).
Jwks fetch_jwks(const HttpFetch& fetch, const std::string& jwks_uri);

}  // namespace cdscb::server::integrations::vneid
