#include "http/request.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "http/response.h"

using cdscb::server::http::Headers;
using cdscb::server::http::Request;
using cdscb::server::http::Response;

TEST_CASE("a request target is split into a decoded path and decoded query parameters") {
  auto request =
      Request::parse("GET", "/api/v1/search/c%C3%A1%20nh%C3%A2n?q=Cao+B%E1%BA%B1ng&page=2&q=x");
  REQUIRE(request);
  CHECK(request->path == "/api/v1/search/cá nhân");
  CHECK(request->query_param("q") == "Cao Bằng");  // the first of repeated names
  CHECK(request->query.count("q") == 2);
  CHECK(request->query_param("page") == "2");
  CHECK_FALSE(request->query_param("missing"));
  CHECK(request->target == "/api/v1/search/c%C3%A1%20nh%C3%A2n?q=Cao+B%E1%BA%B1ng&page=2&q=x");
}

TEST_CASE("malformed targets are refused") {
  CHECK_FALSE(Request::parse("GET", "api/v1/health"));  // not origin-form
  CHECK_FALSE(Request::parse("GET", "/bad%zzescape"));  // bad escape
  CHECK_FALSE(Request::parse("GET", "/nul%00byte"));    // encoded NUL
  CHECK_FALSE(Request::parse("GET", "/ok?name=%4"));    // truncated escape in query
  CHECK(Request::parse("GET", "/ok?flag&empty="));
}

TEST_CASE("header lookup ignores case; set replaces, add appends") {
  Headers headers;
  headers.add("Content-Type", "text/plain");
  headers.add("Set-Cookie", "a=1");
  headers.add("set-cookie", "b=2");
  CHECK(headers.get("content-type") == "text/plain");
  CHECK(headers.get("SET-COOKIE") == "a=1");
  CHECK(headers.size() == 3);
  headers.set("SET-cookie", "c=3");
  CHECK(headers.size() == 2);
  CHECK(headers.get("Set-Cookie") == "c=3");
  headers.remove("content-TYPE");
  CHECK_FALSE(headers.has("Content-Type"));
}

TEST_CASE("error responses have the shape of the API contract") {
  const Response response =
      Response::error(422, "invalid", "Dữ liệu không hợp lệ.", {{"phone", "Số điện thoại sai."}});
  CHECK(response.status == 422);
  CHECK(response.headers.get("Content-Type") == "application/json; charset=utf-8");
  const auto body = nlohmann::json::parse(response.body);
  CHECK(body == nlohmann::json::parse(R"({"error":{"code":"invalid",
      "message":"Dữ liệu không hợp lệ.","fields":{"phone":"Số điện thoại sai."}}})"));
}
