#include "vneid_test_support.h"

#include <doctest/doctest.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <stdexcept>

#include "integrations/vneid/encoding.h"
#include "integrations/vneid/pkce.h"
#include "integrations/vneid/transport.h"
#include "util/strings.h"

namespace cdscb::server::testing::vneid {

using integrations::vneid::base64url_encode;
using integrations::vneid::basic_authorization;
using integrations::vneid::code_challenge_s256;

namespace {

std::string bignum_param(EVP_PKEY* key, const char* name) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &bn) != 1) throw std::runtime_error("no RSA parameter");
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
  BN_free(bn);
  return base64url_encode(bytes);
}

OutboundResponse json_response(int status, const nlohmann::json& body) {
  OutboundResponse response;
  response.status = status;
  response.headers = {{"Content-Type", "application/json; charset=utf-8"}};
  response.body = body.dump();
  return response;
}

OutboundResponse oauth_error(int status, const std::string& error, const std::string& description) {
  return json_response(status, {{"error", error}, {"error_description", description}});
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::map<std::string, std::string> decode_pairs(std::string_view text, bool plus_as_space) {
  std::map<std::string, std::string> params;
  for (const std::string_view pair : util::split(text, '&')) {
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const auto name = util::percent_decode(pair.substr(0, eq), plus_as_space);
    const auto value = util::percent_decode(
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), plus_as_space);
    REQUIRE(name.has_value());
    REQUIRE(value.has_value());
    params[*name] = *value;
  }
  return params;
}

}  // namespace

TestRsaKey::TestRsaKey(unsigned bits) : key_(EVP_RSA_gen(bits), EVP_PKEY_free) {
  if (!key_) throw std::runtime_error("RSA key generation failed");
}

nlohmann::json TestRsaKey::jwk(const std::string& kid) const {
  return {{"kty", "RSA"},
          {"kid", kid},
          {"use", "sig"},
          {"alg", "RS256"},
          {"n", bignum_param(key_.get(), OSSL_PKEY_PARAM_RSA_N)},
          {"e", bignum_param(key_.get(), OSSL_PKEY_PARAM_RSA_E)}};
}

std::string TestRsaKey::public_pem() const {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  PEM_write_bio_PUBKEY(bio.get(), key_.get());
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(length));
}

std::string TestRsaKey::sign(const std::string& data) const {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::size_t length = 0;
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1) {
    throw std::runtime_error("signing failed");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1) {
    throw std::runtime_error("signing failed");
  }
  signature.resize(length);
  return signature;
}

const TestRsaKey& provider_key() {
  static const TestRsaKey key;
  return key;
}

const TestRsaKey& other_key() {
  static const TestRsaKey key;
  return key;
}

std::string encode_part(const nlohmann::json& value) { return base64url_encode(value.dump()); }

nlohmann::json decode_part(const std::string& token, int index) {
  const auto parts = util::split(token, '.');
  REQUIRE(parts.size() == 3);
  const auto bytes =
      integrations::vneid::base64url_decode(parts.at(static_cast<std::size_t>(index)));
  REQUIRE(bytes.has_value());
  return nlohmann::json::parse(*bytes);
}

std::string sign_rs256(const nlohmann::json& header, const nlohmann::json& payload,
                       const TestRsaKey& key) {
  const std::string input = encode_part(header) + "." + encode_part(payload);
  return input + "." + base64url_encode(key.sign(input));
}

std::string sign_hs256(const nlohmann::json& header, const nlohmann::json& payload,
                       const std::string& secret) {
  const std::string input = encode_part(header) + "." + encode_part(payload);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &length);
  return input + "." + base64url_encode(std::string(reinterpret_cast<char*>(mac), length));
}

std::map<std::string, std::string> query_params(const std::string& url) {
  const auto question = url.find('?');
  REQUIRE(question != std::string::npos);
  return decode_pairs(std::string_view(url).substr(question + 1), false);
}

std::map<std::string, std::string> form_params(const std::string& body) {
  return decode_pairs(body, true);
}

long long unix_time(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

nlohmann::json citizen_claims() {
  return {{"SoDinhDanh", "004085012345"},
          {"HoVaTen", "Nông Văn Dũng"},
          {"NgayThangNamSinh", "19850312"},
          {"GioiTinh", "Nam"},
          {"SoDienThoai", "0912000101"},
          {"ThuDienTu", "dung.nv@example.com"},
          {"ThuongTru", "Số 12 phố Kim Đồng, Phường Thục Phán, tỉnh Cao Bằng"},
          {"loAs", "2"},
          {"IAL", "2"}};
}

FakeProvider::FakeProvider()
    : now(std::chrono::sys_days{std::chrono::year{2025} / 6 / 1} + std::chrono::hours{3}),
      signing_key(&provider_key()) {
  const std::string issuer = kIssuer;
  // The shape oidc-provider 8.8 publishes (trimmed to what matters).
  discovery = {
      {"issuer", issuer},
      {"authorization_endpoint", issuer + "/auth"},
      {"token_endpoint", issuer + "/token"},
      {"userinfo_endpoint", issuer + "/me"},
      {"jwks_uri", issuer + "/jwks"},
      {"end_session_endpoint", issuer + "/session/end"},
      {"response_types_supported", {"code"}},
      {"grant_types_supported", {"authorization_code"}},
      {"scopes_supported", {"openid", "profile"}},
      {"subject_types_supported", {"public"}},
      {"id_token_signing_alg_values_supported", {"RS256"}},
      {"token_endpoint_auth_methods_supported", {"client_secret_basic", "client_secret_post"}},
      {"code_challenge_methods_supported", {"S256"}},
      {"claims_supported",
       {"sub", "SoDinhDanh", "HoVaTen", "NgayThangNamSinh", "GioiTinh", "SoDienThoai", "ThuDienTu",
        "ThuongTru", "loAs", "IAL"}},
  };
  jwks_answers = {{{"keys", {provider_key().jwk("k1")}}}};
  id_token_header = {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "k1"}};
  id_claims = citizen_claims();
  id_claims["iss"] = issuer;
  id_claims["aud"] = kClientId;
  id_claims["sub"] = kSubject;
  id_claims["iat"] = unix_time(now);
  id_claims["exp"] = unix_time(now) + 600;
  userinfo = citizen_claims();
  userinfo["sub"] = kSubject;
}

OidcConfig FakeProvider::config() const {
  OidcConfig config;
  config.issuer = kIssuer;
  config.client_id = kClientId;
  config.client_secret = kClientSecret;
  config.redirect_uri = kRedirectUri;
  return config;
}

integrations::vneid::HttpFetch FakeProvider::fetch() {
  return [this](const OutboundRequest& request) {
    requests.push_back(request);
    return handle(request);
  };
}

integrations::vneid::Clock FakeProvider::clock() {
  return [this] { return now; };
}

std::string FakeProvider::authorize(const std::string& authorization_url) {
  auto params = query_params(authorization_url);
  REQUIRE(params["response_type"] == "code");
  REQUIRE(params["client_id"] == kClientId);
  REQUIRE(params["code_challenge_method"] == "S256");
  const std::string code = "code-" + std::to_string(grants_.size() + 1);
  grants_[code] = {params["nonce"], params["code_challenge"], params["redirect_uri"]};
  return code;
}

int FakeProvider::count(const std::string& url_suffix) const {
  int n = 0;
  for (const auto& request : requests) n += ends_with(request.url, url_suffix) ? 1 : 0;
  return n;
}

OutboundResponse FakeProvider::handle(const OutboundRequest& request) {
  const std::string issuer = kIssuer;
  if (request.method == "GET" && request.url == issuer + "/.well-known/openid-configuration") {
    return json_response(200, discovery);
  }
  if (request.method == "GET" && request.url == issuer + "/jwks") {
    const std::size_t index = std::min<std::size_t>(jwks_fetches_++, jwks_answers.size() - 1);
    return json_response(200, jwks_answers.at(index));
  }
  if (request.method == "POST" && request.url == issuer + "/token") return token(request);
  if (request.method == "GET" && request.url == issuer + "/me") {
    if (integrations::vneid::find_header(request.headers, "Authorization") !=
        "Bearer access-token-1") {
      return oauth_error(401, "invalid_token", "invalid token provided");
    }
    return json_response(200, userinfo);
  }
  return oauth_error(404, "not_found", "no such endpoint");
}

OutboundResponse FakeProvider::token(const OutboundRequest& request) {
  if (integrations::vneid::find_header(request.headers, "Authorization") !=
      basic_authorization(kClientId, kClientSecret)) {
    return oauth_error(401, "invalid_client", "client authentication failed");
  }
  auto form = form_params(request.body);
  if (form["grant_type"] != "authorization_code") {
    return oauth_error(400, "unsupported_grant_type", "unsupported grant_type requested");
  }
  const auto grant = grants_.find(form["code"]);
  if (grant == grants_.end() || grant->second.used) {
    // oidc-provider's answer for an unknown, expired or already redeemed code.
    return oauth_error(400, "invalid_grant", "grant request is invalid");
  }
  grant->second.used = true;
  if (form["redirect_uri"] != grant->second.redirect_uri) {
    return oauth_error(400, "invalid_grant", "grant request is invalid");
  }
  if (code_challenge_s256(form["code_verifier"]) != grant->second.code_challenge) {
    return oauth_error(400, "invalid_grant", "PKCE verification failed");
  }
  nlohmann::json claims = id_claims;
  claims["nonce"] = grant->second.nonce;
  std::string id_token = sign_rs256(id_token_header, claims, *signing_key);
  if (tamper_id_token) id_token = tamper_id_token(id_token);
  return json_response(200, {{"access_token", "access-token-1"},
                             {"expires_in", 600},
                             {"id_token", id_token},
                             {"scope", "openid profile"},
                             {"token_type", "Bearer"}});
}

}  // namespace cdscb::server::testing::vneid
