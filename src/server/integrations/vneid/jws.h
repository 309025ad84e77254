// Compact JWS (RFC 7515) restricted to what the provider is allowed to send: RS256 only. The
// algorithm is fixed here, never taken from the token, so "none" and HS256-with-the-public-key
// tokens fail before any key is touched.
#pragma once

#include <openssl/evp.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace cdscb::server::integrations::vneid {

struct Rs256Jws {
  nlohmann::json header;
  nlohmann::json payload;          // a JSON object (the JWT claims)
  std::string signing_input;       // "BASE64URL(header).BASE64URL(payload)" as received
  std::string signature;           // raw bytes
  std::optional<std::string> kid;  // from the header
};

// Splits `compact` into exactly three base64url parts and decodes them. Throws OidcError:
// malformed (wrong shape, bad base64url, header or payload not a JSON object, a non-string kid, a
// "crit" header we cannot honour), bad_alg (alg is anything but "RS256").
Rs256Jws parse_rs256_jws(std::string_view compact);

// Whether the signature is a valid RSASSA-PKCS1-v1_5 SHA-256 signature of the signing input.
bool verify_rs256(const Rs256Jws& jws, EVP_PKEY* key);

}  // namespace cdscb::server::integrations::vneid
