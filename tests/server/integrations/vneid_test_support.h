// A stand-in OpenID provider for the VNeID client tests: real RSA keys made with OpenSSL, ID tokens
// signed in the test, and an HttpFetch that plays discovery, token, JWKS and userinfo the way
// sandbox/vneid (oidc-provider) does, without sockets.
#pragma once

#include <openssl/evp.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "integrations/vneid/config.h"
#include "integrations/vneid/http_fetch.h"

namespace cdscb::server::testing::vneid {

using integrations::vneid::OidcConfig;
using integrations::vneid::OutboundRequest;
using integrations::vneid::OutboundResponse;

class TestRsaKey {
 public:
  explicit TestRsaKey(unsigned bits = 2048);
  // The public half as a JWK with `kid` (and use "sig", alg "RS256").
  nlohmann::json jwk(const std::string& kid) const;
  // The public key in PEM, the bytes an alg-confusion attacker would use as an HMAC secret.
  std::string public_pem() const;
  // RSASSA-PKCS1-v1_5 SHA-256 of `data`.
  std::string sign(const std::string& data) const;

 private:
  std::shared_ptr<EVP_PKEY> key_;
};

// Made once per test run: RSA key generation is slow.
const TestRsaKey& provider_key();
const TestRsaKey& other_key();

// "header.payload.signature" signed RS256 with `key`.
std::string sign_rs256(const nlohmann::json& header, const nlohmann::json& payload,
                       const TestRsaKey& key);
// The same with HMAC-SHA256 under `secret`.
std::string sign_hs256(const nlohmann::json& header, const nlohmann::json& payload,
                       const std::string& secret);
// base64url of the JSON of `value`.
std::string encode_part(const nlohmann::json& value);
// The decoded JSON of part `index` (0 header, 1 payload) of a compact JWS.
nlohmann::json decode_part(const std::string& token, int index);

// The query parameters of `url`, decoded; fails the test on a malformed escape.
std::map<std::string, std::string> query_params(const std::string& url);
// An application/x-www-form-urlencoded body, decoded.
std::map<std::string, std::string> form_params(const std::string& body);

inline constexpr const char* kIssuer = "https://vneid.example.gov.vn";
inline constexpr const char* kClientId = "cdscb";
inline constexpr const char* kClientSecret = "dev-secret";
inline constexpr const char* kRedirectUri = "https://app.example.vn/api/v1/auth/vneid/callback";
inline constexpr const char* kSubject = "5f0c3a9e2b7d41c8a6e19f3b0d2c7a41";

// The claims sandbox/vneid gives the first test citizen.
nlohmann::json citizen_claims();

class FakeProvider {
 public:
  FakeProvider();

  OidcConfig config() const;
  integrations::vneid::HttpFetch fetch();
  integrations::vneid::Clock clock();

  // What the provider does between the redirect and the callback: records the request's nonce and
  // code challenge and issues a single-use code for them.
  std::string authorize(const std::string& authorization_url);

  // --- what the provider serves; tests change these to play an attack ---
  std::chrono::system_clock::time_point now;
  nlohmann::json discovery;
  std::vector<nlohmann::json> jwks_answers;  // one per JWKS fetch; the last one repeats
  nlohmann::json id_token_header;
  nlohmann::json id_claims;  // iss, aud, sub, iat, exp, citizen claims; nonce added per code
  const TestRsaKey* signing_key;
  // Replaces the ID token the token endpoint returns, given the one it would have returned.
  std::function<std::string(const std::string& id_token)> tamper_id_token;
  nlohmann::json userinfo;  // sub included

  // --- what the client asked ---
  std::vector<OutboundRequest> requests;
  int count(const std::string& url_suffix) const;

 private:
  struct Grant {
    std::string nonce;
    std::string code_challenge;
    std::string redirect_uri;
    bool used = false;
  };
  OutboundResponse handle(const OutboundRequest& request);
  OutboundResponse token(const OutboundRequest& request);

  std::map<std::string, Grant> grants_;
  int jwks_fetches_ = 0;
};

// Seconds since the epoch, for iat/exp claims.
long long unix_time(std::chrono::system_clock::time_point t);

}  // namespace cdscb::server::testing::vneid
