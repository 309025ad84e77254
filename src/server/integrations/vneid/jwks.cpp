#include "integrations/vneid/jwks.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include "integrations/vneid/encoding.h"
#include "integrations/vneid/errors.h"
#include "integrations/vneid/transport.h"

namespace cdscb::server::integrations::vneid {
namespace {

constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 8192;

struct BnFree {
  void operator()(BIGNUM* bn) const { BN_free(bn); }
};
struct ParamBldFree {
  void operator()(OSSL_PARAM_BLD* bld) const { OSSL_PARAM_BLD_free(bld); }
};
struct ParamFree {
  void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};

std::unique_ptr<BIGNUM, BnFree> decode_bignum(std::string_view base64url) {
  const auto bytes = base64url_decode(base64url);
  if (!bytes || bytes->empty()) return nullptr;
  return std::unique_ptr<BIGNUM, BnFree>(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes->data()),
                static_cast<int>(bytes->size()), nullptr));
}

bool optional_member_is(const nlohmann::json& object, std::string_view name,
                        std::string_view wanted) {
  const auto it = object.find(name);
  return it == object.end() || (it->is_string() && it->get_ref<const std::string&>() == wanted);
}

}  // namespace

const SigningKey* Jwks::select(const std::optional<std::string>& kid) const {
  if (!kid) return keys_.size() == 1 ? &keys_.front() : nullptr;
  for (const SigningKey& key : keys_) {
    if (key.kid == *kid) return &key;
  }
  return nullptr;
}

std::shared_ptr<EVP_PKEY> rsa_public_key(std::string_view n, std::string_view e) {
  const auto modulus = decode_bignum(n);
  const auto exponent = decode_bignum(e);
  if (!modulus || !exponent) return nullptr;
  const int bits = BN_num_bits(modulus.get());
  if (bits < kMinRsaBits || bits > kMaxRsaBits || BN_is_odd(exponent.get()) != 1 ||
      BN_is_one(exponent.get())) {
    return nullptr;
  }
  std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> builder(OSSL_PARAM_BLD_new());
  if (!builder ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
    return nullptr;
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(builder.get()));
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return nullptr;
  }
  return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

Jwks parse_jwks(std::string_view body) {
  const nlohmann::json document = parse_json_object(body, OidcErrorCode::bad_jwks, "JWKS");
  const auto keys = document.find("keys");
  if (keys == document.end() || !keys->is_array()) {
    throw OidcError(OidcErrorCode::bad_jwks, "JWKS has no \"keys\" array");
  }
  std::vector<SigningKey> usable;
  for (const nlohmann::json& jwk : *keys) {
    if (!jwk.is_object() || !optional_member_is(jwk, "use", "sig") ||
        !optional_member_is(jwk, "alg", "RS256")) {
      continue;
    }
    const std::string* kty = string_member(jwk, "kty");
    const std::string* n = string_member(jwk, "n");
    const std::string* e = string_member(jwk, "e");
    if (kty == nullptr || *kty != "RSA" || n == nullptr || e == nullptr) continue;
    std::shared_ptr<EVP_PKEY> key = rsa_public_key(*n, *e);
    if (!key) continue;
    const std::string* kid = string_member(jwk, "kid");
    usable.push_back({kid != nullptr ? *kid : std::string(), std::move(key)});
  }
  return Jwks(std::move(usable));
}

Jwks fetch_jwks(const HttpFetch& fetch, const std::string& jwks_uri) {
  OutboundRequest request;
  request.url = jwks_uri;
  request.headers = {{"Accept", "application/json"}};
  const OutboundResponse response = fetch_or_throw(fetch, request);
  if (response.status != 200) {
    throw OidcError(OidcErrorCode::network,
                    "JWKS answered HTTP " + std::to_string(response.status));
  }
  return parse_jwks(response.body);
}

}  // namespace cdscb::server::integrations::vneid
