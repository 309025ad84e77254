#include "http/pagination.h"

#include <algorithm>
#include <charconv>

namespace cdscb::server::http {

std::optional<long long> parse_integer(std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

long long read_limit(const Request& request, FieldErrors& errors, long long default_limit,
                     long long max_limit) {
  const auto text = request.query_param("limit");
  if (!text || text->empty()) return default_limit;
  const auto value = parse_integer(*text);
  if (!value || *value < 1) {
    errors.add("limit", kLimitInvalid);
    return default_limit;
  }
  return std::min(*value, max_limit);
}

std::optional<long long> read_cursor(const Request& request, FieldErrors& errors,
                                     std::string_view prefix, long long min_value) {
  const auto text = request.query_param("cursor");
  if (!text || text->empty()) return std::nullopt;
  const auto value =
      text->starts_with(prefix) ? parse_integer(text->substr(prefix.size())) : std::nullopt;
  if (!value || *value < min_value) {
    errors.add("cursor", kCursorInvalid);
    return std::nullopt;
  }
  return value;
}

}  // namespace cdscb::server::http
