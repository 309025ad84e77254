#include "integrations/vneid/oidc_client.h"

#include <stdexcept>

#include "integrations/vneid/authorization.h"
#include "integrations/vneid/id_token.h"
#include "integrations/vneid/pkce.h"
#include "integrations/vneid/token_exchange.h"
#include "integrations/vneid/userinfo.h"
#include "util/strings.h"

namespace cdscb::server::integrations::vneid {
namespace {

bool has_openid_scope(std::string_view scopes) {
  for (const std::string_view scope : util::split(scopes, ' ')) {
    if (scope == "openid") return true;
  }
  return false;
}

// Far longer than any code a provider issues; refuses junk before it reaches the provider.
constexpr std::size_t kMaxCodeSize = 2048;

}  // namespace

OidcClient::OidcClient(OidcConfig config, HttpFetch fetch, Clock now)
    : config_(std::move(config)), fetch_(std::move(fetch)), now_(std::move(now)) {
  if (config_.issuer.empty() || config_.client_id.empty() || config_.client_secret.empty() ||
      config_.redirect_uri.empty()) {
    throw std::invalid_argument(
        "VNeID: issuer, client id, client secret and redirect URI are required");
  }
  if (!has_openid_scope(config_.scopes)) {
    throw std::invalid_argument("VNeID: scopes must include \"openid\"");
  }
  if (!fetch_ || !now_) throw std::invalid_argument("VNeID: fetch and clock are required");
}

ProviderMetadata OidcClient::metadata() {
  {
    std::lock_guard lock(mutex_);
    if (metadata_ && now_() - metadata_read_at_ < config_.discovery_max_age) return *metadata_;
  }
  ProviderMetadata fresh = fetch_discovery(fetch_, config_.issuer);
  std::lock_guard lock(mutex_);
  if (!metadata_ || metadata_->jwks_uri != fresh.jwks_uri) jwks_.reset();
  metadata_ = fresh;
  metadata_read_at_ = now_();
  return fresh;
}

Jwks OidcClient::cached_jwks(const ProviderMetadata& metadata, bool* fetched_now) {
  {
    std::lock_guard lock(mutex_);
    *fetched_now = !jwks_;
    if (jwks_) return *jwks_;
  }
  return refetch_jwks(metadata);
}

Jwks OidcClient::refetch_jwks(const ProviderMetadata& metadata) {
  Jwks fresh = fetch_jwks(fetch_, metadata.jwks_uri);
  std::lock_guard lock(mutex_);
  jwks_ = fresh;
  return fresh;
}

Result<LoginStart> OidcClient::begin_login() {
  try {
    const ProviderMetadata provider = metadata();
    LoginStart start;
    start.state = make_state();
    start.nonce = make_nonce();
    start.code_verifier = make_code_verifier();
    start.authorization_url =
        authorization_url(config_, provider.authorization_endpoint, start.state, start.nonce,
                          code_challenge_s256(start.code_verifier));
    return start;
  } catch (const OidcError& error) {
    return error;
  }
}

Result<VneidIdentity> OidcClient::finish_login(std::string_view code,
                                               std::string_view expected_nonce,
                                               std::string_view code_verifier) {
  if (code.empty() || code.size() > kMaxCodeSize) {
    return OidcError(OidcErrorCode::invalid_argument, "authorization code empty or too long");
  }
  if (expected_nonce.empty()) return OidcError(OidcErrorCode::invalid_argument, "no nonce");
  if (!is_valid_code_verifier(code_verifier)) {
    return OidcError(OidcErrorCode::invalid_argument, "malformed code verifier");
  }
  try {
    const ProviderMetadata provider = metadata();
    const TokenResponse tokens =
        exchange_code(fetch_, config_, provider.token_endpoint, code, code_verifier);
    const IdTokenExpectations expected{config_.issuer, config_.client_id,
                                       std::string(expected_nonce), now_(), config_.leeway};
    bool keys_fetched_now = false;
    const Jwks keys = cached_jwks(provider, &keys_fetched_now);
    // Keys read a moment ago are as fresh as a refetch would be.
    const JwksRefetch refetch =
        keys_fetched_now ? JwksRefetch() : JwksRefetch([&] { return refetch_jwks(provider); });
    const nlohmann::json id_claims = verify_id_token(tokens.id_token, keys, refetch, expected);
    const nlohmann::json userinfo =
        fetch_userinfo(fetch_, provider.userinfo_endpoint, tokens.access_token,
                       id_claims.at("sub").get_ref<const std::string&>());
    return identity_from_claims(merge_claims(id_claims, userinfo));
  } catch (const OidcError& error) {
    return error;
  }
}

}  // namespace cdscb::server::integrations::vneid
