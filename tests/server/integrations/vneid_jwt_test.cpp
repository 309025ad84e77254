// ID token verification on its own: JWS shape and algorithm, keys, signature, then each claim.
#include <doctest/doctest.h>

#include "integrations/vneid/errors.h"
#include "integrations/vneid/id_token.h"
#include "vneid_test_support.h"

using cdscb::server::integrations::vneid::code_name;
using cdscb::server::integrations::vneid::IdTokenExpectations;
using cdscb::server::integrations::vneid::Jwks;
using cdscb::server::integrations::vneid::JwksRefetch;
using cdscb::server::integrations::vneid::OidcError;
using cdscb::server::integrations::vneid::parse_jwks;
using cdscb::server::integrations::vneid::verify_id_token;
using namespace cdscb::server::testing::vneid;

namespace {

const auto kNow = std::chrono::sys_days{std::chrono::year{2025} / 6 / 1} + std::chrono::hours{3};

IdTokenExpectations expectations() {
  return {kIssuer, kClientId, "nonce-123", kNow, std::chrono::seconds{60}};
}

nlohmann::json header() { return {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "k1"}}; }

nlohmann::json claims() {
  return {{"iss", kIssuer},
          {"aud", kClientId},
          {"sub", kSubject},
          {"nonce", "nonce-123"},
          {"iat", unix_time(kNow)},
          {"exp", unix_time(kNow) + 600},
          {"SoDinhDanh", "004085012345"}};
}

Jwks provider_jwks() {
  return parse_jwks(nlohmann::json{{"keys", {provider_key().jwk("k1")}}}.dump());
}

// The error code verifying `token` ends with; "" when it verifies.
std::string outcome(const std::string& token, const Jwks& keys = provider_jwks(),
                    const JwksRefetch& refetch = {}) {
  try {
    verify_id_token(token, keys, refetch, expectations());
    return "";
  } catch (const OidcError& error) {
    return std::string(code_name(error.code()));
  }
}

std::string signed_with(const nlohmann::json& payload) {
  return sign_rs256(header(), payload, provider_key());
}

}  // namespace

TEST_CASE("vneid: a well-formed RS256 ID token verifies and yields its claims") {
  const auto verified = verify_id_token(signed_with(claims()), provider_jwks(), {}, expectations());
  CHECK(verified["sub"] == kSubject);
  CHECK(verified["SoDinhDanh"] == "004085012345");
}

TEST_CASE("vneid: any alg but RS256 is refused before a key is used") {
  const std::string payload = encode_part(claims());
  CHECK(outcome(encode_part({{"alg", "none"}}) + "." + payload + ".") == "bad_alg");
  CHECK(outcome(encode_part({{"alg", "None"}, {"kid", "k1"}}) + "." + payload + ".") == "bad_alg");
  CHECK(outcome(encode_part({{"kid", "k1"}}) + "." + payload + ".c2ln") == "bad_alg");
  CHECK(outcome(sign_hs256({{"alg", "HS256"}, {"kid", "k1"}}, claims(),
                           provider_key().public_pem())) == "bad_alg");
  for (const char* alg : {"RS384", "RS512", "PS256", "ES256", "rs256"}) {
    CAPTURE(alg);
    auto h = header();
    h["alg"] = alg;
    CHECK(outcome(sign_rs256(h, claims(), provider_key())) == "bad_alg");
  }
}

TEST_CASE("vneid: tokens that are not three base64url JSON parts are malformed") {
  const std::string token = signed_with(claims());
  CHECK(outcome("") == "malformed");
  CHECK(outcome("abc") == "malformed");
  CHECK(outcome(token.substr(0, token.rfind('.'))) == "malformed");
  CHECK(outcome(token + ".x") == "malformed");
  CHECK(outcome(token + "=") == "malformed");
  CHECK(outcome(encode_part(header()) + ".bm90IGpzb24." + "c2ln") == "malformed");
  CHECK(outcome(encode_part(header()) + "." + encode_part({1, 2}) + ".c2ln") == "malformed");
  auto h = header();
  h["crit"] = {"exp"};
  CHECK(outcome(sign_rs256(h, claims(), provider_key())) == "malformed");
}

TEST_CASE("vneid: a signature by another key, or over changed claims, is refused") {
  CHECK(outcome(sign_rs256(header(), claims(), other_key())) == "bad_signature");
  const std::string token = signed_with(claims());
  auto changed = claims();
  changed["SoDinhDanh"] = "004192003456";
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);
  CHECK(outcome(token.substr(0, first) + "." + encode_part(changed) + token.substr(second)) ==
        "bad_signature");
  CHECK(outcome(token.substr(0, second + 1)) == "bad_signature");  // signature stripped
}

TEST_CASE("vneid: a key carried in the token's own header is not trusted") {
  auto h = header();
  h["jwk"] = other_key().jwk("k1");
  h["jku"] = "https://evil.example/jwks";
  CHECK(outcome(sign_rs256(h, claims(), other_key())) == "bad_signature");
}

TEST_CASE("vneid: the key is chosen by kid; without one only a lone key is used") {
  auto no_kid = header();
  no_kid.erase("kid");
  CHECK(outcome(sign_rs256(no_kid, claims(), provider_key())) == "");
  const Jwks two = parse_jwks(
      nlohmann::json{{"keys", {provider_key().jwk("k1"), other_key().jwk("k2")}}}.dump());
  CHECK(outcome(sign_rs256(no_kid, claims(), provider_key()), two) == "unknown_kid");
  auto k2 = header();
  k2["kid"] = "k2";
  CHECK(outcome(sign_rs256(k2, claims(), other_key()), two) == "");
  CHECK(outcome(sign_rs256(k2, claims(), provider_key()), two) == "bad_signature");
}

TEST_CASE("vneid: an unknown kid makes exactly one JWKS refetch") {
  auto k2 = header();
  k2["kid"] = "k2";
  const std::string token = sign_rs256(k2, claims(), other_key());
  int fetches = 0;
  const JwksRefetch rotated = [&] {
    ++fetches;
    return parse_jwks(nlohmann::json{{"keys", {other_key().jwk("k2")}}}.dump());
  };
  CHECK(outcome(token, provider_jwks(), rotated) == "");
  CHECK(fetches == 1);
  const JwksRefetch unchanged = [&] {
    ++fetches;
    return provider_jwks();
  };
  CHECK(outcome(token, provider_jwks(), unchanged) == "unknown_kid");
  CHECK(fetches == 2);
  CHECK(outcome(token, provider_jwks()) == "unknown_kid");  // no refetch offered
}

TEST_CASE("vneid: iss must be the configured issuer exactly") {
  for (const nlohmann::json& iss :
       {nlohmann::json("https://evil.example"), nlohmann::json(std::string(kIssuer) + "/"),
        nlohmann::json(1)}) {
    CAPTURE(iss.dump());
    auto c = claims();
    c["iss"] = iss;
    CHECK(outcome(signed_with(c)) == "wrong_issuer");
  }
  auto c = claims();
  c.erase("iss");
  CHECK(outcome(signed_with(c)) == "wrong_issuer");
}

TEST_CASE("vneid: aud must name this client; several audiences need azp") {
  auto c = claims();
  c["aud"] = "another-service";
  CHECK(outcome(signed_with(c)) == "wrong_audience");
  c.erase("aud");
  CHECK(outcome(signed_with(c)) == "wrong_audience");
  c["aud"] = {"another-service"};
  CHECK(outcome(signed_with(c)) == "wrong_audience");
  c["aud"] = {kClientId};
  CHECK(outcome(signed_with(c)) == "");
  c["aud"] = {kClientId, "another-service"};
  CHECK(outcome(signed_with(c)) == "wrong_audience");
  c["azp"] = "another-service";
  CHECK(outcome(signed_with(c)) == "wrong_audience");
  c["azp"] = kClientId;
  CHECK(outcome(signed_with(c)) == "");
  c["aud"] = kClientId;
  c["azp"] = "another-service";
  CHECK(outcome(signed_with(c)) == "wrong_audience");
}

TEST_CASE("vneid: exp is enforced with 60 s of leeway") {
  auto c = claims();
  c["exp"] = unix_time(kNow) - 59;
  CHECK(outcome(signed_with(c)) == "");
  c["exp"] = unix_time(kNow) - 60;
  CHECK(outcome(signed_with(c)) == "expired");
  c["exp"] = unix_time(kNow) - 86400;
  CHECK(outcome(signed_with(c)) == "expired");
  c["exp"] = "never";
  CHECK(outcome(signed_with(c)) == "malformed");
  c.erase("exp");
  CHECK(outcome(signed_with(c)) == "malformed");
}

TEST_CASE("vneid: a token issued in the future beyond the leeway is refused") {
  auto c = claims();
  c["iat"] = unix_time(kNow) + 60;
  CHECK(outcome(signed_with(c)) == "");
  c["iat"] = unix_time(kNow) + 61;
  CHECK(outcome(signed_with(c)) == "not_yet_valid");
  c["iat"] = unix_time(kNow);
  c["nbf"] = unix_time(kNow) + 3600;
  CHECK(outcome(signed_with(c)) == "not_yet_valid");
  c.erase("nbf");
  c.erase("iat");
  CHECK(outcome(signed_with(c)) == "malformed");
}

TEST_CASE("vneid: the nonce must be the login attempt's") {
  auto c = claims();
  c["nonce"] = "nonce-124";
  CHECK(outcome(signed_with(c)) == "wrong_nonce");
  c["nonce"] = "";
  CHECK(outcome(signed_with(c)) == "wrong_nonce");
  c.erase("nonce");
  CHECK(outcome(signed_with(c)) == "wrong_nonce");
  auto no_expectation = expectations();
  no_expectation.nonce.clear();
  CHECK_THROWS_AS(verify_id_token(signed_with(c), provider_jwks(), {}, no_expectation), OidcError);
}

TEST_CASE("vneid: a token without sub is malformed") {
  auto c = claims();
  c.erase("sub");
  CHECK(outcome(signed_with(c)) == "malformed");
}

TEST_CASE("vneid: the JWKS keeps only RSA keys fit for RS256") {
  static const TestRsaKey weak(1024);
  auto enc = other_key().jwk("enc");
  enc["use"] = "enc";
  auto rs512 = other_key().jwk("rs512");
  rs512["alg"] = "RS512";
  const nlohmann::json ec = {
      {"kty", "EC"}, {"kid", "ec"}, {"crv", "P-256"}, {"x", "AA"}, {"y", "AA"}};
  auto broken = provider_key().jwk("broken");
  broken["n"] = "not base64url!";
  const Jwks keys = parse_jwks(
      nlohmann::json{{"keys", {weak.jwk("weak"), enc, rs512, ec, broken, provider_key().jwk("k1")}}}
          .dump());
  CHECK(keys.size() == 1);
  CHECK(keys.select(std::string("k1")) != nullptr);
  CHECK(keys.select(std::string("weak")) == nullptr);
  CHECK(keys.select(std::nullopt) != nullptr);  // the lone usable key
  CHECK_THROWS_AS(parse_jwks("{}"), OidcError);
  CHECK_THROWS_AS(parse_jwks("not json"), OidcError);
  CHECK(parse_jwks(R"({"keys":[]})").size() == 0);
}
