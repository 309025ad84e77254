#include "integrations/vneid/encoding.h"

#include <sodium.h>

#include <stdexcept>

namespace cdscb::server::integrations::vneid {
namespace {

std::string base64_encode(std::string_view bytes, int variant) {
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  return base64_encode(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.empty()) return std::string();
  std::string out(text.size() * 3 / 4 + 1, '\0');
  std::size_t length = 0;
  const char* end = nullptr;
  const int rc = sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                                   text.data(), text.size(), /*ignore=*/nullptr, &length, &end,
                                   sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  if (rc != 0 || end != text.data() + text.size()) return std::nullopt;
  out.resize(length);
  return out;
}

std::string percent_encode(std::string_view text, bool space_as_plus) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out += ch;
    } else if (c == ' ' && space_as_plus) {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::string form_encode(const FormFields& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += percent_encode(name, true);
    out += '=';
    out += percent_encode(value, true);
  }
  return out;
}

std::string with_query(std::string_view url, const FormFields& fields) {
  std::string out(url);
  out += url.find('?') == std::string_view::npos ? '?' : '&';
  bool first = true;
  for (const auto& [name, value] : fields) {
    if (!first) out += '&';
    first = false;
    out += percent_encode(name);
    out += '=';
    out += percent_encode(value);
  }
  return out;
}

std::string basic_authorization(std::string_view client_id, std::string_view client_secret) {
  const std::string credentials =
      percent_encode(client_id, true) + ":" + percent_encode(client_secret, true);
  return "Basic " + base64_encode(credentials, sodium_base64_VARIANT_ORIGINAL);
}

}  // namespace cdscb::server::integrations::vneid
