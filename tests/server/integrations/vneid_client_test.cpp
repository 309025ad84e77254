// OidcClient end to end against the fake provider: the happy path, then each attack the issue
// names, which must end in a typed error and no identity.
#include <doctest/doctest.h>

#include "integrations/vneid/oidc_client.h"
#include "integrations/vneid/transport.h"
#include "vneid_test_support.h"

using cdscb::server::integrations::vneid::code_name;
using cdscb::server::integrations::vneid::find_header;
using cdscb::server::integrations::vneid::OidcClient;
using cdscb::server::integrations::vneid::OidcErrorCode;
using cdscb::server::integrations::vneid::Result;
using cdscb::server::integrations::vneid::VneidIdentity;
using namespace cdscb::server::testing::vneid;

namespace {

// One full login: redirect, the provider's consent, callback.
Result<VneidIdentity> log_in(FakeProvider& provider, OidcClient& client) {
  const auto start = client.begin_login();
  REQUIRE(start.ok());
  const std::string code = provider.authorize(start->authorization_url);
  return client.finish_login(code, start->nonce, start->code_verifier);
}

// Fails the test unless `result` is an error with `code`.
void check_fails_with(const Result<VneidIdentity>& result, OidcErrorCode code) {
  REQUIRE_FALSE(result.ok());
  CHECK(code_name(result.error().code()) == code_name(code));
}

void check_login_fails_with(FakeProvider& provider, OidcErrorCode code) {
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  check_fails_with(log_in(provider, client), code);
}

}  // namespace

TEST_CASE("vneid: a login returns the citizen's identity from the verified claims") {
  FakeProvider provider;
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  const auto identity = log_in(provider, client);
  REQUIRE(identity.ok());
  CHECK(identity->sub == kSubject);
  CHECK(identity->so_dinh_danh == "004085012345");
  CHECK(identity->ho_va_ten == "Nông Văn Dũng");
  CHECK(identity->ngay_sinh == "1985-03-12");
  CHECK(identity->gioi_tinh == "Nam");
  CHECK(identity->so_dien_thoai == "0912000101");
  CHECK(identity->thu_dien_tu == "dung.nv@example.com");
  CHECK(identity->thuong_tru == "Số 12 phố Kim Đồng, Phường Thục Phán, tỉnh Cao Bằng");
  CHECK(identity->assurance_level == "2");
  CHECK(provider.count("/openid-configuration") == 1);
  CHECK(provider.count("/token") == 1);
  CHECK(provider.count("/jwks") == 1);
  CHECK(provider.count("/me") == 1);
}

TEST_CASE("vneid: the token request carries the code, verifier and Basic client credentials") {
  FakeProvider provider;
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  const auto start = client.begin_login();
  REQUIRE(start.ok());
  const std::string code = provider.authorize(start->authorization_url);
  REQUIRE(client.finish_login(code, start->nonce, start->code_verifier).ok());
  const auto& request = provider.requests.at(1);
  CHECK(request.method == "POST");
  CHECK(request.url == std::string(kIssuer) + "/token");
  CHECK(find_header(request.headers, "content-type") == "application/x-www-form-urlencoded");
  CHECK(find_header(request.headers, "authorization") == "Basic Y2RzY2I6ZGV2LXNlY3JldA==");
  const auto form = form_params(request.body);
  CHECK(form.size() == 4);
  CHECK(form.at("grant_type") == "authorization_code");
  CHECK(form.at("code") == code);
  CHECK(form.at("redirect_uri") == kRedirectUri);
  CHECK(form.at("code_verifier") == start->code_verifier);
  CHECK(request.body.find(kClientSecret) == std::string::npos);
}

TEST_CASE("vneid: discovery and keys are read once for many logins") {
  FakeProvider provider;
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  REQUIRE(log_in(provider, client).ok());
  REQUIRE(log_in(provider, client).ok());
  CHECK(provider.count("/openid-configuration") == 1);
  CHECK(provider.count("/jwks") == 1);
  CHECK(provider.count("/token") == 2);
}

TEST_CASE("vneid: an ID token with alg none is refused") {
  FakeProvider provider;
  provider.tamper_id_token = [](const std::string& token) {
    nlohmann::json header = decode_part(token, 0);
    header["alg"] = "none";
    return encode_part(header) + "." + encode_part(decode_part(token, 1)) + ".";
  };
  check_login_fails_with(provider, OidcErrorCode::bad_alg);
}

TEST_CASE("vneid: an HS256 token keyed with the provider's public key is refused") {
  FakeProvider provider;
  provider.tamper_id_token = [](const std::string& token) {
    return sign_hs256({{"alg", "HS256"}, {"typ", "JWT"}, {"kid", "k1"}}, decode_part(token, 1),
                      provider_key().public_pem());
  };
  check_login_fails_with(provider, OidcErrorCode::bad_alg);
}

TEST_CASE("vneid: an ID token signed by another key is refused") {
  FakeProvider provider;
  provider.signing_key = &other_key();  // same kid "k1", wrong key
  check_login_fails_with(provider, OidcErrorCode::bad_signature);
}

TEST_CASE("vneid: an ID token whose payload was changed after signing is refused") {
  FakeProvider provider;
  provider.tamper_id_token = [](const std::string& token) {
    nlohmann::json claims = decode_part(token, 1);
    claims["SoDinhDanh"] = "004192003456";  // someone else's identity
    const auto first = token.find('.');
    const auto second = token.find('.', first + 1);
    return token.substr(0, first) + "." + encode_part(claims) + token.substr(second);
  };
  check_login_fails_with(provider, OidcErrorCode::bad_signature);
}

TEST_CASE("vneid: an ID token from another issuer is refused") {
  FakeProvider provider;
  provider.id_claims["iss"] = "https://evil.example";
  check_login_fails_with(provider, OidcErrorCode::wrong_issuer);
}

TEST_CASE("vneid: an ID token for another client is refused") {
  FakeProvider provider;
  provider.id_claims["aud"] = "another-service";
  check_login_fails_with(provider, OidcErrorCode::wrong_audience);
}

TEST_CASE("vneid: an expired ID token is refused") {
  FakeProvider provider;
  provider.id_claims["iat"] = unix_time(provider.now) - 1200;
  provider.id_claims["exp"] = unix_time(provider.now) - 61;
  check_login_fails_with(provider, OidcErrorCode::expired);
}

TEST_CASE("vneid: a code from another login attempt fails on the nonce") {
  // An attacker's own code injected into the victim's callback: the ID token carries the
  // attacker's nonce, not the one stored for the victim's state.
  FakeProvider provider;
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  const auto victim = client.begin_login();
  const auto attacker = client.begin_login();
  REQUIRE(victim.ok());
  REQUIRE(attacker.ok());
  const std::string code = provider.authorize(attacker->authorization_url);
  check_fails_with(client.finish_login(code, victim->nonce, attacker->code_verifier),
                   OidcErrorCode::wrong_nonce);
}

TEST_CASE("vneid: a code redeemed with another attempt's PKCE verifier is refused") {
  FakeProvider provider;
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  const auto first = client.begin_login();
  const auto second = client.begin_login();
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  const std::string code = provider.authorize(first->authorization_url);
  const auto result = client.finish_login(code, first->nonce, second->code_verifier);
  check_fails_with(result, OidcErrorCode::token_error);
  CHECK(result.error().provider_error() == "invalid_grant");
}

TEST_CASE("vneid: a reused authorization code surfaces the provider's invalid_grant") {
  FakeProvider provider;
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  const auto start = client.begin_login();
  REQUIRE(start.ok());
  const std::string code = provider.authorize(start->authorization_url);
  REQUIRE(client.finish_login(code, start->nonce, start->code_verifier).ok());
  const auto again = client.finish_login(code, start->nonce, start->code_verifier);
  check_fails_with(again, OidcErrorCode::token_error);
  CHECK(again.error().provider_error() == "invalid_grant");
  CHECK(again.error().provider_error_description() == "grant request is invalid");
}

TEST_CASE("vneid: keys rotated at the provider are fetched again once, then the token verifies") {
  FakeProvider provider;
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  REQUIRE(log_in(provider, client).ok());  // caches the JWKS with k1
  CHECK(provider.count("/jwks") == 1);

  // The provider rotates to k2 (other_key) and keeps k1 published for a while.
  provider.jwks_answers = {{{"keys", {other_key().jwk("k2"), provider_key().jwk("k1")}}}};
  provider.signing_key = &other_key();
  provider.id_token_header["kid"] = "k2";
  REQUIRE(log_in(provider, client).ok());
  CHECK(provider.count("/jwks") == 2);

  // The new keys are cached: the next login needs no fetch.
  REQUIRE(log_in(provider, client).ok());
  CHECK(provider.count("/jwks") == 2);
}

TEST_CASE("vneid: a kid unknown even after one JWKS refetch is refused without more fetches") {
  FakeProvider provider;
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  REQUIRE(log_in(provider, client).ok());
  provider.id_token_header["kid"] = "k-unknown";
  check_fails_with(log_in(provider, client), OidcErrorCode::unknown_kid);
  CHECK(provider.count("/jwks") == 2);
  check_fails_with(log_in(provider, client), OidcErrorCode::unknown_kid);
  CHECK(provider.count("/jwks") == 3);  // one refetch per login, never a loop
}

TEST_CASE("vneid: userinfo about another subject is refused") {
  FakeProvider provider;
  provider.userinfo["sub"] = "0000000000000000000000000000dead";
  provider.userinfo["SoDinhDanh"] = "004192003456";
  check_login_fails_with(provider, OidcErrorCode::userinfo_sub_mismatch);
}

TEST_CASE("vneid: discovery naming another issuer stops the login before the redirect") {
  FakeProvider provider;
  provider.discovery["issuer"] = "https://evil.example";
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  const auto start = client.begin_login();
  REQUIRE_FALSE(start.ok());
  CHECK(start.error().code() == OidcErrorCode::wrong_issuer);
}

TEST_CASE("vneid: an unreachable provider is a network error, and a later call tries again") {
  FakeProvider provider;
  bool down = true;
  auto fetch = provider.fetch();
  OidcClient client(
      provider.config(),
      [&](const auto& request) {
        if (down) throw std::runtime_error("connection refused");
        return fetch(request);
      },
      provider.clock());
  const auto start = client.begin_login();
  REQUIRE_FALSE(start.ok());
  CHECK(start.error().code() == OidcErrorCode::network);
  down = false;
  CHECK(log_in(provider, client).ok());
}

TEST_CASE("vneid: finish_login refuses empty input before calling the provider") {
  FakeProvider provider;
  OidcClient client(provider.config(), provider.fetch(), provider.clock());
  const std::string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  check_fails_with(client.finish_login("", "nonce", verifier), OidcErrorCode::invalid_argument);
  check_fails_with(client.finish_login("code", "", verifier), OidcErrorCode::invalid_argument);
  check_fails_with(client.finish_login("code", "nonce", "short"), OidcErrorCode::invalid_argument);
  CHECK(provider.requests.empty());
}

TEST_CASE("vneid: a configuration without what the flow needs is refused at start") {
  FakeProvider provider;
  auto config = provider.config();
  config.client_secret.clear();
  CHECK_THROWS_AS(OidcClient(config, provider.fetch(), provider.clock()), std::invalid_argument);
  config = provider.config();
  config.scopes = "profile";
  CHECK_THROWS_AS(OidcClient(config, provider.fetch(), provider.clock()), std::invalid_argument);
}
