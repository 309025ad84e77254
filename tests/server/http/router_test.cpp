#include "http/router.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "test_support.h"

using cdscb::server::http::HttpError;
using cdscb::server::http::Request;
using cdscb::server::http::Response;
using cdscb::server::http::Router;
using cdscb::server::testing::make_request;

namespace {

nlohmann::json error_of(const Response& response) {
  return nlohmann::json::parse(response.body).at("error");
}

Response echo_params(const Request& request) {
  nlohmann::json params = nlohmann::json::object();
  for (const auto& [name, value] : request.params) params[name] = value;
  return Response::json(200, params);
}

}  // namespace

TEST_CASE("path parameters are decoded and handed to the handler") {
  Router router;
  router.get("/api/v1/things/{id}/photos/{photo}", echo_params);
  auto request = make_request("GET", "/api/v1/things/42/photos/a%2Fb%20c?x=1");
  const Response response = router.dispatch(request);
  CHECK(response.status == 200);
  CHECK(nlohmann::json::parse(response.body) == nlohmann::json{{"id", "42"}, {"photo", "a/b c"}});
  CHECK(request.param("id") == "42");
}

TEST_CASE("a literal segment wins over a parameter whatever the registration order") {
  Router router;
  router.get("/api/v1/things/{id}", [](const Request&) { return Response::text(200, "one"); });
  router.get("/api/v1/things/new", [](const Request&) { return Response::text(200, "new"); });
  auto request = make_request("GET", "/api/v1/things/new");
  CHECK(router.dispatch(request).body == "new");
  request = make_request("GET", "/api/v1/things/7");
  CHECK(router.dispatch(request).body == "one");
}

TEST_CASE("an unknown path gets a 404 JSON error in Vietnamese") {
  Router router;
  router.get("/api/v1/things/{id}", echo_params);
  for (const char* target : {"/api/v1/nothing", "/api/v1/things", "/api/v1/things/", "/api"}) {
    CAPTURE(target);
    auto request = make_request("GET", target);
    const Response response = router.dispatch(request);
    CHECK(response.status == 404);
    const auto error = error_of(response);
    CHECK(error["code"] == "not_found");
    CHECK(error["message"] == "Không tìm thấy địa chỉ yêu cầu.");
    CHECK(error["fields"] == nlohmann::json::object());
  }
}

TEST_CASE("a known path with another method gets 405 and the allowed methods") {
  Router router;
  router.get("/api/v1/things", echo_params);
  router.post("/api/v1/things", echo_params);
  auto request = make_request("DELETE", "/api/v1/things");
  const Response response = router.dispatch(request);
  CHECK(response.status == 405);
  CHECK(response.headers.get("Allow") == "GET, HEAD, POST");
  CHECK(error_of(response)["code"] == "method_not_allowed");
  CHECK(error_of(response)["message"] == "Phương thức không được hỗ trợ.");
}

TEST_CASE("HEAD is answered by the GET route") {
  Router router;
  router.get("/api/v1/health", [](const Request&) { return Response::text(200, "ok"); });
  auto request = make_request("HEAD", "/api/v1/health");
  CHECK(router.dispatch(request).status == 200);
}

TEST_CASE("a throwing handler gives a 500 JSON error; an HttpError gives its own response") {
  Router router;
  router.get("/api/v1/boom",
             [](const Request&) -> Response { throw std::runtime_error("database on fire"); });
  router.get("/api/v1/teapot", [](const Request&) -> Response {
    throw HttpError(409, "conflict", "Đã có bản ghi này.", {{"email", "Đã dùng."}});
  });
  auto request = make_request("GET", "/api/v1/boom");
  const Response boom = router.dispatch(request);
  CHECK(boom.status == 500);
  CHECK(error_of(boom)["code"] == "internal_error");
  CHECK(error_of(boom)["message"] == "Lỗi máy chủ, vui lòng thử lại sau.");
  CHECK(boom.body.find("fire") == std::string::npos);  // internals are not shown to citizens

  request = make_request("GET", "/api/v1/teapot");
  const Response conflict = router.dispatch(request);
  CHECK(conflict.status == 409);
  CHECK(error_of(conflict)["fields"]["email"] == "Đã dùng.");
}

TEST_CASE("bad patterns and duplicate routes are refused at registration") {
  Router router;
  router.get("/api/v1/things/{id}", echo_params);
  CHECK_THROWS_AS(router.get("/api/v1/things/{id}", echo_params), std::invalid_argument);
  CHECK_THROWS_AS(router.get("no-slash", echo_params), std::invalid_argument);
  CHECK_THROWS_AS(router.get("/a/{}", echo_params), std::invalid_argument);
  CHECK_THROWS_AS(router.get("/a/{x}/{x}", echo_params), std::invalid_argument);
  CHECK_THROWS_AS(router.get("/a/b{x}", echo_params), std::invalid_argument);
  CHECK_NOTHROW(router.post("/api/v1/things/{id}", echo_params));
}

TEST_CASE("matches() tells whether any route covers a path") {
  Router router;
  router.get("/open311/v2/services.json", echo_params);
  CHECK(router.matches("/open311/v2/services.json?jurisdiction_id=cb"));
  CHECK_FALSE(router.matches("/open311/v2/other.json"));
}

TEST_CASE("a route may carry its own body limit; other routes and methods keep the default") {
  Router router;
  router.post("/api/v1/media", echo_params);
  router.get("/api/v1/media", echo_params);
  router.post("/api/v1/things/{id}", echo_params);
  CHECK(router.largest_body_limit() == 0);
  CHECK_THROWS_AS(router.limit_body("PUT", "/api/v1/media", {.max_bytes = 5}),
                  std::invalid_argument);
  router.limit_body("POST", "/api/v1/media",
                    {.max_bytes = 1000, .code = "too_large", .message = "Ảnh vượt quá 10 MB."});
  router.limit_body("POST", "/api/v1/things/{id}", {.max_bytes = 2000, .code = "big"});
  CHECK(router.largest_body_limit() == 2000);
  const auto* media = router.body_limit_for("POST", "/api/v1/media?x=1");
  REQUIRE(media != nullptr);
  CHECK(media->max_bytes == 1000);
  CHECK(media->code == "too_large");
  CHECK(router.body_limit_for("GET", "/api/v1/media") == nullptr);
  CHECK(router.body_limit_for("POST", "/api/v1/media/x") == nullptr);
  REQUIRE(router.body_limit_for("POST", "/api/v1/things/7") != nullptr);
  CHECK(router.body_limit_for("POST", "/api/v1/things/7")->code == "big");
}

TEST_CASE("the router lists its routes as they were added") {
  Router router;
  router.get("/api/v1/things/{id}", echo_params);
  router.del("/api/v1/things/{id}", echo_params);
  router.post("/api/v1/things", echo_params);
  const auto routes = router.routes();
  REQUIRE(routes.size() == 3);
  CHECK(routes[0].method == "GET");
  CHECK(routes[0].pattern == "/api/v1/things/{id}");
  CHECK(routes[1].method == "DELETE");
  CHECK(routes[2].method == "POST");
  CHECK(routes[2].pattern == "/api/v1/things");
}
