// Small string helpers shared by the HTTP layer and config parsing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::server::util {

bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);
std::string_view trim(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);

// Splits on `sep`, keeping empty parts.
std::vector<std::string_view> split(std::string_view s, char sep);

// Decodes %XX escapes (and '+' as space when asked). Returns nullopt for a malformed escape or an
// encoded NUL, which no legitimate path or parameter contains.
std::optional<std::string> percent_decode(std::string_view s, bool plus_as_space);

// Parses a non-negative decimal integer that fits in `unsigned long long`; nullopt otherwise.
std::optional<unsigned long long> parse_unsigned(std::string_view s);

// Parses a whole decimal number (no spaces, no trailing text) that is finite; nullopt otherwise.
std::optional<double> parse_double(std::string_view s);

}  // namespace cdscb::server::util
