// Every way a VNeID login can fail, as a code a route can map to an answer and a test can assert.
// Messages are English details for the log; they never carry secrets or whole tokens.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace cdscb::server::integrations::vneid {

enum class OidcErrorCode {
  network,                // the provider could not be reached, or answered with an HTTP error
  bad_discovery,          // discovery document malformed or lacking what we require
  wrong_issuer,           // discovery or ID token names another issuer than the configured one
  token_error,            // the token endpoint refused (e.g. invalid_grant for a reused code)
  bad_token_response,     // the token endpoint answered 200 with something unusable
  bad_jwks,               // the JWKS could not be read
  malformed,              // the ID token is not a well-formed JWS/JWT with the required claims
  bad_alg,                // alg other than RS256 (none, HS256, ...)
  unknown_kid,            // no key in the provider's JWKS matches the token, even after a refetch
  bad_signature,          // the signature does not verify
  wrong_audience,         // aud lacks our client_id, or azp names another party
  expired,                // exp is past (beyond the leeway)
  not_yet_valid,          // iat or nbf is in the future (beyond the leeway)
  wrong_nonce,            // the nonce is not the one this login attempt sent
  userinfo_error,         // userinfo refused or malformed
  userinfo_sub_mismatch,  // userinfo describes another subject than the ID token
  bad_claims,             // the identity claims are missing or invalid (SoDinhDanh, HoVaTen, ...)
  invalid_argument,       // the caller passed an empty code, nonce or a malformed code verifier
};

// "bad_signature", "wrong_nonce", ...: the enumerator's name.
std::string_view code_name(OidcErrorCode code);

class OidcError : public std::runtime_error {
 public:
  OidcError(OidcErrorCode code, const std::string& detail, std::string provider_error = {},
            std::string provider_error_description = {});

  OidcErrorCode code() const { return code_; }
  // The provider's own `error` and `error_description`, when it sent them (token endpoint).
  const std::string& provider_error() const { return provider_error_; }
  const std::string& provider_error_description() const { return provider_error_description_; }

 private:
  OidcErrorCode code_;
  std::string provider_error_;
  std::string provider_error_description_;
};

// A value or the reason there is none; what the facade hands back so a route never needs a try.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit on purpose
  Result(OidcError error) : state_(std::move(error)) {}  // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // The value; throws the OidcError when there is none.
  const T& value() const& {
    if (!ok()) throw std::get<OidcError>(state_);
    return std::get<T>(state_);
  }
  T value() && {
    if (!ok()) throw std::get<OidcError>(state_);
    return std::get<T>(std::move(state_));
  }
  const T* operator->() const { return &value(); }

  // The error; only when !ok() (std::bad_variant_access otherwise).
  const OidcError& error() const { return std::get<OidcError>(state_); }

 private:
  std::variant<T, OidcError> state_;
};

}  // namespace cdscb::server::integrations::vneid
