#include "integrations/vneid/discovery.h"

#include <algorithm>
#include <string>

#include "integrations/vneid/errors.h"
#include "integrations/vneid/transport.h"
#include "util/strings.h"

namespace cdscb::server::integrations::vneid {
namespace {

std::string required_endpoint(const nlohmann::json& document, std::string_view name) {
  const std::string* value = string_member(document, name);
  if (value == nullptr) {
    throw OidcError(OidcErrorCode::bad_discovery, "discovery lacks " + std::string(name));
  }
  if (!util::starts_with_ci(*value, "https://") && !util::starts_with_ci(*value, "http://")) {
    throw OidcError(OidcErrorCode::bad_discovery, std::string(name) + " is not an http(s) URL");
  }
  return *value;
}

// Whether the string array `name` exists and holds `wanted`; `absent_means` when it is missing.
bool list_contains(const nlohmann::json& document, std::string_view name, std::string_view wanted,
                   bool absent_means) {
  const auto it = document.find(name);
  if (it == document.end()) return absent_means;
  if (!it->is_array()) return false;
  return std::any_of(it->begin(), it->end(), [&](const nlohmann::json& item) {
    return item.is_string() && item.get_ref<const std::string&>() == wanted;
  });
}

}  // namespace

std::string discovery_url(std::string_view issuer) {
  while (!issuer.empty() && issuer.back() == '/') issuer.remove_suffix(1);
  return std::string(issuer) + "/.well-known/openid-configuration";
}

ProviderMetadata parse_discovery(std::string_view body, std::string_view expected_issuer) {
  const nlohmann::json document =
      parse_json_object(body, OidcErrorCode::bad_discovery, "discovery document");
  const std::string* issuer = string_member(document, "issuer");
  if (issuer == nullptr) throw OidcError(OidcErrorCode::bad_discovery, "discovery lacks issuer");
  if (*issuer != expected_issuer) {
    throw OidcError(OidcErrorCode::wrong_issuer, "discovery names issuer \"" + *issuer +
                                                     "\", configured \"" +
                                                     std::string(expected_issuer) + "\"");
  }
  ProviderMetadata metadata;
  metadata.issuer = *issuer;
  metadata.authorization_endpoint = required_endpoint(document, "authorization_endpoint");
  metadata.token_endpoint = required_endpoint(document, "token_endpoint");
  metadata.userinfo_endpoint = required_endpoint(document, "userinfo_endpoint");
  metadata.jwks_uri = required_endpoint(document, "jwks_uri");
  if (!list_contains(document, "id_token_signing_alg_values_supported", "RS256", false)) {
    throw OidcError(OidcErrorCode::bad_discovery, "provider does not sign ID tokens with RS256");
  }
  if (!list_contains(document, "code_challenge_methods_supported", "S256", false)) {
    throw OidcError(OidcErrorCode::bad_discovery, "provider does not support PKCE S256");
  }
  // Absent means client_secret_basic, the default (OIDC Discovery §3).
  if (!list_contains(document, "token_endpoint_auth_methods_supported", "client_secret_basic",
                     true)) {
    throw OidcError(OidcErrorCode::bad_discovery, "provider does not accept client_secret_basic");
  }
  return metadata;
}

ProviderMetadata fetch_discovery(const HttpFetch& fetch, std::string_view issuer) {
  OutboundRequest request;
  request.url = discovery_url(issuer);
  request.headers = {{"Accept", "application/json"}};
  const OutboundResponse response = fetch_or_throw(fetch, request);
  if (response.status != 200) {
    throw OidcError(OidcErrorCode::network,
                    "discovery answered HTTP " + std::to_string(response.status));
  }
  return parse_discovery(response.body, issuer);
}

}  // namespace cdscb::server::integrations::vneid
