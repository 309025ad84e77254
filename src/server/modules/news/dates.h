// Dates as RSS writes them (RFC 822 pubDate). RFC 3339 (Atom, the API's times) is read by the one
// parser in core (core/time_text.h).
#pragma once

#include <optional>
#include <string_view>

namespace cdscb::server::news {

// "Tue, 01 Jul 2025 10:00:00 +0700" (weekday optional; GMT, UT, Z and US zones) → Unix seconds.
std::optional<long long> parse_rfc822(std::string_view text);

}  // namespace cdscb::server::news
