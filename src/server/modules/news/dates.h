// Dates as feeds write them: RFC 3339 (Atom, and the API's expires_at) and RFC 822 (RSS pubDate).
#pragma once

#include <optional>
#include <string_view>

namespace cdscb::server::news {

// "2025-07-01T10:00:00Z", "2025-07-01T17:00:00+07:00", fractions allowed → Unix seconds.
std::optional<long long> parse_rfc3339(std::string_view text);
// "Tue, 01 Jul 2025 10:00:00 +0700" (weekday optional; GMT, UT, Z and US zones) → Unix seconds.
std::optional<long long> parse_rfc822(std::string_view text);

}  // namespace cdscb::server::news
