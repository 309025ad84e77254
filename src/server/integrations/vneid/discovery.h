// OpenID Provider metadata from ISSUER/.well-known/openid-configuration (OIDC Discovery 1.0),
// checked against what this client requires before any citizen is sent to the provider.
#pragma once

#include <string>
#include <string_view>

#include "integrations/vneid/http_fetch.h"

namespace cdscb::server::integrations::vneid {

struct ProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string userinfo_endpoint;
  std::string jwks_uri;
};

// The discovery URL: the issuer without a trailing "/", then "/.well-known/openid-configuration".
std::string discovery_url(std::string_view issuer);

// Parses a discovery document. Throws OidcError: wrong_issuer unless `issuer` equals
// `expected_issuer` exactly (OIDC Discovery §4.3); bad_discovery when it is not JSON, an endpoint
// is missing or not an http(s) URL, RS256 is not among id_token_signing_alg_values_supported, S256
// not among code_challenge_methods_supported, or the published token endpoint auth methods leave
// out client_secret_basic.
ProviderMetadata parse_discovery(std::string_view body, std::string_view expected_issuer);

// Fetches and parses the document; a transport failure or non-200 is OidcError(network).
ProviderMetadata fetch_discovery(const HttpFetch& fetch, std::string_view issuer);

}  // namespace cdscb::server::integrations::vneid
