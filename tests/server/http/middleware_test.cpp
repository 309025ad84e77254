#include "http/middleware.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace cdscb::server::http;
using cdscb::server::testing::make_request;

namespace {

Request post(std::string target,
             std::initializer_list<std::pair<const char*, const char*>> headers) {
  Request request = make_request("POST", std::move(target));
  for (const auto& [name, value] : headers) request.headers.add(name, value);
  return request;
}

}  // namespace

TEST_CASE("cross-site state-changing API requests are refused with forbidden_origin") {
  const auto refused = check_origin(
      post("/api/v1/feedback", {{"Host", "app.example"}, {"Sec-Fetch-Site", "cross-site"}}), "");
  REQUIRE(refused);
  CHECK(refused->status == 403);
  CHECK(nlohmann::json::parse(refused->body)["error"]["code"] == "forbidden_origin");

  CHECK(check_origin(
      post("/api/v1/feedback", {{"Host", "app.example"}, {"Origin", "https://evil.example"}}), ""));
  CHECK(check_origin(post("/api/v1/feedback", {{"Host", "app.example"}, {"Origin", "null"}}), ""));
  CHECK(check_origin(
      post("/api/v1/feedback", {{"Host", "app.example:8443"}, {"Origin", "https://app.example"}}),
      ""));
}

TEST_CASE("same-origin and non-browser requests pass the origin check") {
  CHECK_FALSE(check_origin(post("/api/v1/feedback", {{"Host", "app.example"},
                                                     {"Origin", "https://app.example"},
                                                     {"Sec-Fetch-Site", "same-origin"}}),
                           ""));
  CHECK_FALSE(check_origin(
      post("/api/v1/feedback", {{"Host", "127.0.0.1:8080"}, {"Origin", "http://127.0.0.1:8080"}}),
      ""));
  CHECK_FALSE(check_origin(
      post("/api/v1/feedback", {{"Host", "App.Example:443"}, {"Origin", "https://app.example"}}),
      ""));
  // curl, the sandbox integrations and server-to-server calls send neither header.
  CHECK_FALSE(check_origin(post("/api/v1/feedback", {{"Host", "app.example"}}), ""));
  // GET is not state-changing, and paths outside /api are not checked.
  Request get = make_request("GET", "/api/v1/news");
  get.headers.add("Sec-Fetch-Site", "cross-site");
  CHECK_FALSE(check_origin(get, ""));
  CHECK_FALSE(check_origin(post("/upload", {{"Sec-Fetch-Site", "cross-site"}}), ""));
}

TEST_CASE("a configured public origin replaces the Host comparison") {
  const std::string_view configured = "https://congdanso.example";
  CHECK_FALSE(check_origin(post("/api/v1/feedback", {{"Host", "10.0.0.5:8080"},
                                                     {"Origin", "https://congdanso.example"}}),
                           configured));
  CHECK(check_origin(
      post("/api/v1/feedback", {{"Host", "10.0.0.5:8080"}, {"Origin", "http://10.0.0.5:8080"}}),
      configured));
  for (const char* method : {"PUT", "PATCH", "DELETE"}) {
    Request request = make_request(method, "/api/v1/things/1");
    request.headers.add("Origin", "https://evil.example");
    CHECK(check_origin(request, configured));
  }
}

TEST_CASE("origins are normalised for comparison") {
  CHECK(normalize_origin("HTTPS://App.Example:443/") == "https://app.example");
  CHECK(normalize_origin("http://127.0.0.1:8080") == "http://127.0.0.1:8080");
  CHECK(normalize_origin("http://[::1]:80") == "http://[::1]");
  CHECK_FALSE(normalize_origin("null"));
  CHECK_FALSE(normalize_origin("ftp://example"));
  CHECK_FALSE(normalize_origin("https://example:99999"));
}

TEST_CASE("every response gets the security headers; the tile origin joins img-src, connect-src") {
  Response response = Response::text(200, "x");
  apply_security_headers(response, content_security_policy("https://tiles.example"));
  const auto csp = std::string(response.headers.get("Content-Security-Policy").value_or(""));
  CHECK(csp.find("img-src 'self' data: blob: https://tiles.example;") != std::string::npos);
  CHECK(csp.find("connect-src 'self' blob: https://tiles.example;") != std::string::npos);
  CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval';") != std::string::npos);
  CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
  CHECK(response.headers.get("X-Content-Type-Options") == "nosniff");
  CHECK(response.headers.get("Referrer-Policy") == "strict-origin-when-cross-origin");
  CHECK(response.headers.get("X-Frame-Options") == "DENY");
  CHECK(response.headers.get("Permissions-Policy") == "geolocation=(self), camera=(self)");
  CHECK(content_security_policy("").find("img-src 'self' data: blob:;") != std::string::npos);
  CHECK(content_security_policy("").find("connect-src 'self' blob:;") != std::string::npos);
}

TEST_CASE("the access log line has method, path, status, bytes and duration, no query") {
  const Request request = make_request("GET", "/api/v1/reset?token=secret");
  const std::string line =
      access_log_line(request.method, request.path, 200, 57, std::chrono::microseconds(1500));
  CHECK(line == "GET /api/v1/reset 200 57B 1.50ms");
}
