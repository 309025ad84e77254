#include "security/hmac.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace cdscb::server::security {
namespace {

std::string hmac_hex(const EVP_MD* digest, std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(digest, key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), out,
           &length) == nullptr)
    throw std::runtime_error("HMAC failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[out[i] >> 4];
    hex += kHex[out[i] & 0xF];
  }
  return hex;
}

}  // namespace

std::string hmac_sha512_hex(std::string_view key, std::string_view data) {
  return hmac_hex(EVP_sha512(), key, data);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  return hmac_hex(EVP_sha256(), key, data);
}

}  // namespace cdscb::server::security
