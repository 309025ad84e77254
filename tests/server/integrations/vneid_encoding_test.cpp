// The wire encodings: base64url, the authorization URL and HTTP Basic client authentication.
#include <doctest/doctest.h>

#include "integrations/vneid/authorization.h"
#include "integrations/vneid/encoding.h"
#include "vneid_test_support.h"

using cdscb::server::integrations::vneid::authorization_url;
using cdscb::server::integrations::vneid::base64url_decode;
using cdscb::server::integrations::vneid::base64url_encode;
using cdscb::server::integrations::vneid::basic_authorization;
using cdscb::server::integrations::vneid::form_encode;
using cdscb::server::integrations::vneid::OidcConfig;
using cdscb::server::testing::vneid::query_params;

TEST_CASE("vneid: base64url is unpadded and the decoder accepts nothing else") {
  CHECK(base64url_encode("\xfb\xff\xfe") == "-__-");
  CHECK(base64url_encode("ab") == "YWI");
  CHECK(base64url_decode("YWI") == std::optional<std::string>("ab"));
  CHECK(base64url_decode("-__-") == std::optional<std::string>("\xfb\xff\xfe"));
  CHECK(base64url_decode("") == std::optional<std::string>(""));
  CHECK_FALSE(base64url_decode("YWI=").has_value());  // padding
  CHECK_FALSE(base64url_decode("+//+").has_value());  // standard alphabet
  CHECK_FALSE(base64url_decode("YW I").has_value());  // whitespace
  CHECK_FALSE(base64url_decode("YWJ").has_value());   // stray bits
  CHECK_FALSE(base64url_decode("Y").has_value());     // impossible length
}

TEST_CASE("vneid: the authorization URL carries every parameter, percent-encoded") {
  OidcConfig config;
  config.issuer = "https://vneid.example.gov.vn";
  config.client_id = "cdscb app&x=1";
  config.redirect_uri = "https://app.example.vn/api/v1/auth/vneid/callback?from=a b";
  config.scopes = "openid profile";
  const std::string url =
      authorization_url(config, "https://vneid.example.gov.vn/auth", "st+te/=", "n%nce",
                        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  CHECK(url.rfind("https://vneid.example.gov.vn/auth?", 0) == 0);
  // Nothing that could end or split a parameter survives unencoded.
  const std::string query = url.substr(url.find('?') + 1);
  CHECK(query.find(' ') == std::string::npos);
  CHECK(query.find('+') == std::string::npos);
  CHECK(query.find('/') == std::string::npos);
  CHECK(query.find("scope=openid%20profile") != std::string::npos);
  CHECK(query.find("client_id=cdscb%20app%26x%3D1") != std::string::npos);
  const auto params = query_params(url);
  CHECK(params.size() == 8);
  CHECK(params.at("response_type") == "code");
  CHECK(params.at("client_id") == "cdscb app&x=1");
  CHECK(params.at("redirect_uri") == "https://app.example.vn/api/v1/auth/vneid/callback?from=a b");
  CHECK(params.at("scope") == "openid profile");
  CHECK(params.at("state") == "st+te/=");
  CHECK(params.at("nonce") == "n%nce");
  CHECK(params.at("code_challenge") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  CHECK(params.at("code_challenge_method") == "S256");
}

TEST_CASE("vneid: an authorization endpoint with its own query keeps it") {
  OidcConfig config;
  config.client_id = "cdscb";
  config.redirect_uri = "https://app.example.vn/cb";
  const std::string url =
      authorization_url(config, "https://sso.example/auth?realm=dvc", "s", "n", "c");
  CHECK(url.rfind("https://sso.example/auth?realm=dvc&response_type=code&", 0) == 0);
}

TEST_CASE("vneid: client_secret_basic form-encodes id and secret before base64 (RFC 6749 2.3.1)") {
  CHECK(basic_authorization("cdscb", "dev-secret") == "Basic Y2RzY2I6ZGV2LXNlY3JldA==");
  // "cdscb app" and "s3cr:t/+ %&=é" → "cdscb+app:s3cr%3At%2F%2B+%25%26%3D%C3%A9", then base64.
  CHECK(basic_authorization("cdscb app", "s3cr:t/+ %&=\xc3\xa9") ==
        "Basic Y2RzY2IrYXBwOnMzY3IlM0F0JTJGJTJCKyUyNSUyNiUzRCVDMyVBOQ==");
}

TEST_CASE("vneid: form bodies encode space as + and reserved characters as %XX") {
  CHECK(form_encode({{"code", "a b+c&d=e"}, {"redirect_uri", "https://x/cb"}}) ==
        "code=a+b%2Bc%26d%3De&redirect_uri=https%3A%2F%2Fx%2Fcb");
}
