#include "http/negotiation.h"

#include <openssl/evp.h>

#include <array>
#include <charconv>
#include <optional>
#include <stdexcept>

#include "util/strings.h"

namespace cdscb::server::http {
namespace {

struct TypeEntry {
  std::string_view extension;
  std::string_view type;
};

constexpr std::array kTypes = {
    TypeEntry{".html", "text/html; charset=utf-8"},
    TypeEntry{".js", "text/javascript; charset=utf-8"},
    TypeEntry{".mjs", "text/javascript; charset=utf-8"},
    TypeEntry{".css", "text/css; charset=utf-8"},
    TypeEntry{".wasm", "application/wasm"},
    TypeEntry{".webmanifest", "application/manifest+json"},
    TypeEntry{".json", "application/json"},
    TypeEntry{".map", "application/json"},
    TypeEntry{".png", "image/png"},
    TypeEntry{".jpg", "image/jpeg"},
    TypeEntry{".jpeg", "image/jpeg"},
    TypeEntry{".webp", "image/webp"},
    TypeEntry{".svg", "image/svg+xml"},
    TypeEntry{".ico", "image/x-icon"},
    TypeEntry{".ttf", "font/ttf"},
    TypeEntry{".otf", "font/otf"},
    TypeEntry{".woff", "font/woff"},
    TypeEntry{".woff2", "font/woff2"},
    TypeEntry{".txt", "text/plain; charset=utf-8"},
    TypeEntry{".xml", "application/xml"},
    TypeEntry{".gz", "application/gzip"},
};

bool is_hex_digit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// The q value of one Accept-Encoding element's parameters; 1 when absent, 0 when malformed.
double quality(std::string_view params) {
  for (std::string_view param : util::split(params, ';')) {
    param = util::trim(param);
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
    const std::string_view number = util::trim(param.substr(2));
    double q = 0;
    const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), q);
    if (ec != std::errc() || ptr != number.data() + number.size()) return 0;
    return q;
  }
  return 1;
}

}  // namespace

std::string_view content_type_for(std::string_view filename) {
  const std::size_t dot = filename.rfind('.');
  if (dot == std::string_view::npos || filename.find('/', dot) != std::string_view::npos) {
    return "application/octet-stream";
  }
  const std::string extension = util::to_lower(filename.substr(dot));
  for (const TypeEntry& entry : kTypes) {
    if (entry.extension == extension) return entry.type;
  }
  return "application/octet-stream";
}

bool has_content_hash(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::size_t dot = name.find('.'); dot != std::string_view::npos;
       dot = name.find('.', dot + 1)) {
    std::size_t end = dot + 1;
    while (end < name.size() && is_hex_digit(name[end])) ++end;
    if (end - dot - 1 >= 8 && end < name.size() && name[end] == '.') return true;
  }
  return false;
}

bool accepts_encoding(std::string_view accept_encoding, std::string_view coding) {
  std::optional<double> explicit_q;
  std::optional<double> wildcard_q;
  for (std::string_view element : util::split(accept_encoding, ',')) {
    element = util::trim(element);
    const std::size_t semi = element.find(';');
    const std::string_view name = util::trim(element.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1.0 : quality(element.substr(semi + 1));
    if (util::iequals(name, coding)) explicit_q = q;
    if (name == "*") wildcard_q = q;
  }
  if (explicit_q) return *explicit_q > 0;
  return wildcard_q && *wildcard_q > 0;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  for (std::string_view candidate : util::split(if_none_match, ',')) {
    candidate = util::trim(candidate);
    if (candidate == "*") return true;
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == etag) return true;
  }
  return false;
}

std::string strong_etag(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string etag = "\"";
  for (unsigned int i = 0; i < 16 && i < length; ++i) {
    etag.push_back(kHex[digest[i] >> 4]);
    etag.push_back(kHex[digest[i] & 0xf]);
  }
  etag.push_back('"');
  return etag;
}

}  // namespace cdscb::server::http
