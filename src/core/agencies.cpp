#include "core/agencies.h"

namespace cdscb::core {
namespace {

constexpr std::string_view kCommunePrefix = "ubnd-";

bool is_slug_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

bool is_agency_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 64) return false;
  if (code.front() == '-' || code.back() == '-') return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '-') {
      if (code[i - 1] == '-') return false;
    } else if (!is_slug_char(code[i])) {
      return false;
    }
  }
  return true;
}

std::string commune_agency_code(std::string_view commune_code) {
  return std::string(kCommunePrefix) + std::string(commune_code);
}

bool is_commune_agency_code(std::string_view code) {
  return code.starts_with(kCommunePrefix) && code.size() > kCommunePrefix.size();
}

}  // namespace cdscb::core
