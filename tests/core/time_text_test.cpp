#include "core/time_text.h"

#include <doctest/doctest.h>

using namespace cdscb;

TEST_CASE("time text: RFC 3339 UTC as the API writes it") {
  CHECK(core::parse_rfc3339("1970-01-01T00:00:00Z") == 0);
  CHECK(core::parse_rfc3339("2026-11-26T07:05:09Z") == 1795676709LL);
  CHECK(core::parse_rfc3339("2026-11-26T07:05:09.250Z") == 1795676709LL);
  CHECK(core::parse_rfc3339("2026-11-26T14:05:09+07:00") == 1795676709LL);
  CHECK(core::parse_rfc3339("2024-02-29T23:59:59Z") == 1709251199LL);
}

TEST_CASE("time text: malformed times are refused") {
  CHECK_FALSE(core::parse_rfc3339(""));
  CHECK_FALSE(core::parse_rfc3339("2026-11-26"));
  CHECK_FALSE(core::parse_rfc3339("2026-11-26 07:05:09Z"));
  CHECK_FALSE(core::parse_rfc3339("2026-13-26T07:05:09Z"));
  CHECK_FALSE(core::parse_rfc3339("2026-11-26T07:05:09"));
  CHECK_FALSE(core::parse_rfc3339("2026-11-26T07:05:09Zjunk"));
  CHECK_FALSE(core::parse_rfc3339("2026-1a-26T07:05:09Z"));
}

TEST_CASE("time text: shown in Vietnam's time, day before month") {
  CHECK(core::vietnam_time_text(1795676709LL) == "14:05 26/11/2026");
  // 20:30 UTC on 31 December is already the new year in Cao Bằng.
  CHECK(core::vietnam_time_text(*core::parse_rfc3339("2025-12-31T20:30:00Z")) ==
        "03:30 01/01/2026");
  CHECK(core::vietnam_time_text(0) == "07:00 01/01/1970");
}

TEST_CASE("time text: a calendar day, day before month; malformed text kept as it is") {
  CHECK(core::vietnam_day_text("2026-01-01") == "01/01/2026");
  CHECK(core::vietnam_day_text("2026-09-02") == "02/09/2026");
  CHECK(core::vietnam_day_text("2026-13-01") == "2026-13-01");
  CHECK(core::vietnam_day_text("2026-1-1") == "2026-1-1");
}

TEST_CASE("time text: RFC 3339 offsets are applied, the whole text is read") {
  // One moment written four ways.
  const auto utc = core::parse_rfc3339("2025-03-04T05:00:00Z");
  REQUIRE(utc);
  CHECK(core::parse_rfc3339("2025-03-04T12:00:00+07:00") == utc);
  CHECK(core::parse_rfc3339("2025-03-04T00:00:00-05:00") == utc);
  CHECK(core::parse_rfc3339("2025-03-04t05:00:00.999z") == utc);
  CHECK(core::parse_rfc3339("2025-03-04T10:30:00+05:30") == utc);
  // An offset carries the day across midnight.
  CHECK(core::parse_rfc3339("2025-03-05T02:00:00+07:00") == *utc + 14 * 3600);
  CHECK_FALSE(core::parse_rfc3339("2025-03-04T12:00:00+07"));
  CHECK_FALSE(core::parse_rfc3339("2025-03-04T12:00:00+0700"));
  CHECK_FALSE(core::parse_rfc3339("2025-02-30T12:00:00Z"));
  CHECK_FALSE(core::parse_rfc3339(" 2025-03-04T05:00:00Z"));
  CHECK_FALSE(core::parse_rfc3339("2025-03-04T05:00:00+07:00 "));
}
