// "Đăng nhập bằng VNeID": the server as a confidential OpenID Connect client of the national
// portal (authorization-code flow, PKCE S256, RS256 ID tokens). The caller owns the login-attempt
// record: it keeps what begin_login() returns server-side, keyed by `state`, briefly and for one
// use, and hands nonce and verifier back to finish_login() when the callback brings that state.
// Thread-safe; finish_login() blocks on the provider, so call it on the worker pool.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "integrations/vneid/config.h"
#include "integrations/vneid/discovery.h"
#include "integrations/vneid/errors.h"
#include "integrations/vneid/http_fetch.h"
#include "integrations/vneid/identity.h"
#include "integrations/vneid/jwks.h"

namespace cdscb::server::integrations::vneid {

struct LoginStart {
  std::string authorization_url;  // where to redirect the browser
  std::string state;
  std::string nonce;
  std::string code_verifier;  // secret: never leaves the server
};

class OidcClient {
 public:
  // Throws std::invalid_argument when the configuration lacks issuer, client id or secret, or
  // redirect URI, or its scopes lack "openid".
  OidcClient(OidcConfig config, HttpFetch fetch, Clock now = std::chrono::system_clock::now);

  // Fresh state, nonce and PKCE verifier, and the authorization URL carrying them. Reads the
  // provider's discovery document on first use (and once it is older than discovery_max_age).
  Result<LoginStart> begin_login();

  // For the callback's `code`, with the nonce and verifier stored for its (already checked)
  // state: exchanges the code, verifies the ID token, reads userinfo and returns the citizen.
  Result<VneidIdentity> finish_login(std::string_view code, std::string_view expected_nonce,
                                     std::string_view code_verifier);

  const OidcConfig& config() const { return config_; }

 private:
  ProviderMetadata metadata();
  // The cached keys, read first when there are none yet (then `*fetched_now` is true).
  Jwks cached_jwks(const ProviderMetadata& metadata, bool* fetched_now);
  Jwks refetch_jwks(const ProviderMetadata& metadata);

  OidcConfig config_;
  HttpFetch fetch_;
  Clock now_;

  std::mutex mutex_;  // guards the caches below; never held across a network call
  std::optional<ProviderMetadata> metadata_;
  std::chrono::system_clock::time_point metadata_read_at_;
  std::optional<Jwks> jwks_;
};

}  // namespace cdscb::server::integrations::vneid
