#include "http/cookies.h"

#include <doctest/doctest.h>

#include "test_support.h"

using namespace cdscb::server::http;
using cdscb::server::testing::make_request;

TEST_CASE("cookie values are found among others and across Cookie headers") {
  Request request = make_request("GET", "/");
  CHECK_FALSE(cookie_value(request, "cdscb_session"));
  request.headers.add("Cookie", "theme=dark; lang=vi");
  request.headers.add("cookie", "cdscb_session=abc-_123; other=1");
  CHECK(cookie_value(request, "cdscb_session") == "abc-_123");
  CHECK(cookie_value(request, "lang") == "vi");
  CHECK_FALSE(cookie_value(request, "session"));
  CHECK_FALSE(cookie_value(request, "cdscb"));
}

TEST_CASE("Set-Cookie values carry the attributes asked for") {
  CHECK(set_cookie_value("s", "t", {.max_age = 60}) ==
        "s=t; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
  CHECK(set_cookie_value("s", "t", {.max_age = 60, .secure = true}) ==
        "s=t; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure");
  CHECK(set_cookie_value("s", "", {.max_age = 0}) ==
        "s=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
}
