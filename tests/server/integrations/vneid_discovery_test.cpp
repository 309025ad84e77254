// Discovery: the provider's metadata is checked before any citizen is sent there.
#include <doctest/doctest.h>

#include "integrations/vneid/discovery.h"
#include "integrations/vneid/errors.h"
#include "vneid_test_support.h"

using cdscb::server::integrations::vneid::code_name;
using cdscb::server::integrations::vneid::discovery_url;
using cdscb::server::integrations::vneid::fetch_discovery;
using cdscb::server::integrations::vneid::OidcError;
using cdscb::server::integrations::vneid::OidcErrorCode;
using cdscb::server::integrations::vneid::parse_discovery;
using cdscb::server::testing::vneid::FakeProvider;
using cdscb::server::testing::vneid::kIssuer;

namespace {

// The code of the OidcError that parsing `document` throws; "" when it parses.
std::string refusal(const nlohmann::json& document, const std::string& issuer = kIssuer) {
  try {
    parse_discovery(document.dump(), issuer);
    return "";
  } catch (const OidcError& error) {
    return std::string(code_name(error.code()));
  }
}

}  // namespace

TEST_CASE("vneid: the discovery URL is the issuer plus the well-known path") {
  CHECK(discovery_url("https://sso.example") ==
        "https://sso.example/.well-known/openid-configuration");
  CHECK(discovery_url("https://sso.example/") ==
        "https://sso.example/.well-known/openid-configuration");
  CHECK(discovery_url("https://sso.example/realms/dvc") ==
        "https://sso.example/realms/dvc/.well-known/openid-configuration");
}

TEST_CASE("vneid: discovery keeps the endpoints of an acceptable provider") {
  FakeProvider provider;
  const auto metadata = fetch_discovery(provider.fetch(), kIssuer);
  CHECK(metadata.issuer == kIssuer);
  CHECK(metadata.authorization_endpoint == std::string(kIssuer) + "/auth");
  CHECK(metadata.token_endpoint == std::string(kIssuer) + "/token");
  CHECK(metadata.userinfo_endpoint == std::string(kIssuer) + "/me");
  CHECK(metadata.jwks_uri == std::string(kIssuer) + "/jwks");
  REQUIRE(provider.requests.size() == 1);
  CHECK(provider.requests[0].url == std::string(kIssuer) + "/.well-known/openid-configuration");
}

TEST_CASE("vneid: discovery naming another issuer is refused, even by a trailing slash") {
  FakeProvider provider;
  auto document = provider.discovery;
  document["issuer"] = "https://evil.example";
  CHECK(refusal(document) == "wrong_issuer");
  document["issuer"] = std::string(kIssuer) + "/";
  CHECK(refusal(document) == "wrong_issuer");
  CHECK(refusal(provider.discovery, "https://VNEID.example.gov.vn") == "wrong_issuer");
}

TEST_CASE("vneid: discovery without RS256, S256 or Basic client auth is refused") {
  FakeProvider provider;
  CHECK(refusal(provider.discovery) == "");
  auto document = provider.discovery;
  document["id_token_signing_alg_values_supported"] = {"HS256", "none"};
  CHECK(refusal(document) == "bad_discovery");
  document = provider.discovery;
  document.erase("id_token_signing_alg_values_supported");
  CHECK(refusal(document) == "bad_discovery");
  document = provider.discovery;
  document["code_challenge_methods_supported"] = {"plain"};
  CHECK(refusal(document) == "bad_discovery");
  document = provider.discovery;
  document.erase("code_challenge_methods_supported");
  CHECK(refusal(document) == "bad_discovery");
  document = provider.discovery;
  document["token_endpoint_auth_methods_supported"] = {"private_key_jwt"};
  CHECK(refusal(document) == "bad_discovery");
  document.erase("token_endpoint_auth_methods_supported");  // absent means client_secret_basic
  CHECK(refusal(document) == "");
}

TEST_CASE("vneid: discovery missing an endpoint, or not JSON, is refused") {
  FakeProvider provider;
  for (const char* name :
       {"authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri", "issuer"}) {
    CAPTURE(name);
    auto document = provider.discovery;
    document.erase(name);
    CHECK(refusal(document) == "bad_discovery");
  }
  auto document = provider.discovery;
  document["jwks_uri"] = "javascript:alert(1)";
  CHECK(refusal(document) == "bad_discovery");
  CHECK_THROWS_AS(parse_discovery("<html>", kIssuer), OidcError);
  CHECK_THROWS_AS(parse_discovery("[]", kIssuer), OidcError);
}

TEST_CASE("vneid: discovery answered with an HTTP error is a network error") {
  FakeProvider provider;
  auto fetch = [](const auto&) {
    cdscb::server::integrations::vneid::OutboundResponse response;
    response.status = 503;
    return response;
  };
  try {
    fetch_discovery(fetch, kIssuer);
    FAIL("no error");
  } catch (const OidcError& error) {
    CHECK(error.code() == OidcErrorCode::network);
  }
}
