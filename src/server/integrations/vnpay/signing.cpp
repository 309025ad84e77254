#include "integrations/vnpay/signing.h"

#include <algorithm>
#include <cctype>

#include "security/crypto.h"
#include "security/hmac.h"

namespace cdscb::server::integrations::vnpay {

std::string form_encode(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size() * 3);
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '*') {
      out += ch;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string hash_data(const Params& params) {
  std::string data;
  for (const auto& [name, value] : params) {
    if (name.rfind("vnp_", 0) != 0 || name == "vnp_SecureHash" || name == "vnp_SecureHashType" ||
        value.empty())
      continue;
    if (!data.empty()) data += '&';
    data += name + '=' + form_encode(value);
  }
  return data;
}

std::string signed_query(const Params& params, std::string_view secret) {
  const std::string data = hash_data(params);
  return data + "&vnp_SecureHash=" + security::hmac_sha512_hex(secret, data);
}

bool verify(const Params& params, std::string_view secret) {
  const auto given = params.find("vnp_SecureHash");
  if (given == params.end() || given->second.empty()) return false;
  std::string hash = given->second;
  std::transform(hash.begin(), hash.end(), hash.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return security::constant_time_equals(hash, security::hmac_sha512_hex(secret, hash_data(params)));
}

}  // namespace cdscb::server::integrations::vnpay
