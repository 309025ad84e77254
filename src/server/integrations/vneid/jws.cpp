#include "integrations/vneid/jws.h"

#include <openssl/err.h>

#include <memory>

#include "integrations/vneid/encoding.h"
#include "integrations/vneid/errors.h"
#include "integrations/vneid/transport.h"

namespace cdscb::server::integrations::vneid {
namespace {

// Far beyond any real ID token; stops absurd input before it is decoded.
constexpr std::size_t kMaxCompactSize = 64 * 1024;

struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

[[noreturn]] void malformed(const std::string& detail) {
  throw OidcError(OidcErrorCode::malformed, detail);
}

nlohmann::json decode_json_object(std::string_view part, const char* what) {
  const auto bytes = base64url_decode(part);
  if (!bytes) malformed(std::string(what) + " is not base64url");
  nlohmann::json parsed = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_object()) malformed(std::string(what) + " is not a JSON object");
  return parsed;
}

}  // namespace

Rs256Jws parse_rs256_jws(std::string_view compact) {
  if (compact.size() > kMaxCompactSize) malformed("token too large");
  const auto first = compact.find('.');
  const auto second = first == std::string_view::npos ? first : compact.find('.', first + 1);
  if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) {
    malformed("a compact JWS has exactly three parts");
  }
  Rs256Jws jws;
  jws.header = decode_json_object(compact.substr(0, first), "header");
  const auto alg = jws.header.find("alg");
  if (alg == jws.header.end() || !alg->is_string() ||
      alg->get_ref<const std::string&>() != "RS256") {
    throw OidcError(
        OidcErrorCode::bad_alg,
        "alg " +
            (alg == jws.header.end() ? std::string("missing") : bounded_text(alg->dump(), 40)) +
            ", only RS256 is accepted");
  }
  // Extensions marked critical must be understood (RFC 7515 §4.1.11); we understand none.
  if (jws.header.contains("crit")) malformed("unsupported crit header");
  if (const auto kid = jws.header.find("kid"); kid != jws.header.end()) {
    if (!kid->is_string() || kid->get_ref<const std::string&>().empty()) malformed("bad kid");
    jws.kid = kid->get<std::string>();
  }
  jws.payload = decode_json_object(compact.substr(first + 1, second - first - 1), "payload");
  const auto signature = base64url_decode(compact.substr(second + 1));
  if (!signature) malformed("signature is not base64url");
  jws.signature = *signature;
  jws.signing_input = std::string(compact.substr(0, second));
  return jws;
}

bool verify_rs256(const Rs256Jws& jws, EVP_PKEY* key) {
  if (key == nullptr || EVP_PKEY_is_a(key, "RSA") != 1 || jws.signature.empty()) return false;
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  // An RSA key's default padding is PKCS#1 v1.5, which is what RS256 means.
  const bool valid =
      ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(jws.signature.data()),
                       jws.signature.size(),
                       reinterpret_cast<const unsigned char*>(jws.signing_input.data()),
                       jws.signing_input.size()) == 1;
  // A failed verification leaves entries on this thread's OpenSSL error queue; other OpenSSL users
  // on the thread (TLS) must not find them there.
  if (!valid) ERR_clear_error();
  return valid;
}

}  // namespace cdscb::server::integrations::vneid
