// Time formatting for the API (RFC 3339, UTC) and HTTP (IMF-fixdate).
#pragma once

#include <chrono>
#include <string>

namespace cdscb::server::util {

// "2024-05-01T10:00:00Z": second precision, always UTC.
std::string rfc3339_utc(std::chrono::system_clock::time_point t);

// "Wed, 01 May 2024 10:00:00 GMT", the format of the HTTP Date header.
std::string http_date(std::chrono::system_clock::time_point t);

// http_date(now), formatted at most once a second per thread (for every response's Date).
const std::string& cached_http_date_now();

}  // namespace cdscb::server::util
