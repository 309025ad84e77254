#include "http/pipeline.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace cdscb::server::http;
using cdscb::server::testing::make_request;
using cdscb::server::testing::TempDir;
using cdscb::server::testing::write_file;

namespace {

struct Fixture {
  Fixture() {
    write_file(dir.path() / "index.html", "<!doctype html>");
    site = StaticFiles::load(dir.path());
    router.get("/api/v1/hello", [](const Request&) {
      return Response::json(200, {{"hello", "Cao Bằng"}});
    });
    router.post("/api/v1/hello", [](const Request&) { return Response::json(201, {}); });
    router.get("/open311/v2/services.json",
               [](const Request&) { return Response::json(200, nlohmann::json::array()); });
  }
  TempDir dir;
  StaticFiles site;
  Router router;
  Pipeline pipeline{router, site, {.public_origin = "", .tile_origin = "https://tiles.example"}};
};

}  // namespace

TEST_CASE("API and routed paths go to the worker pool; static files do not") {
  Fixture f;
  CHECK(f.pipeline.needs_worker(make_request("GET", "/api/v1/hello")));
  CHECK(f.pipeline.needs_worker(make_request("GET", "/api/v1/unknown")));
  CHECK(f.pipeline.needs_worker(make_request("GET", "/open311/v2/services.json")));
  CHECK_FALSE(f.pipeline.needs_worker(make_request("GET", "/")));
  CHECK_FALSE(f.pipeline.needs_worker(make_request("GET", "/apix")));
}

TEST_CASE("responses carry security headers; API responses are not stored by caches") {
  Fixture f;
  for (const char* target : {"/", "/api/v1/hello", "/api/v1/unknown", "/missing"}) {
    CAPTURE(target);
    auto request = make_request("GET", target);
    const Response response = f.pipeline.handle(request);
    CHECK(response.headers.get("X-Frame-Options") == "DENY");
    CHECK(std::string(response.headers.get("Content-Security-Policy").value_or(""))
              .find("https://tiles.example") != std::string::npos);
  }
  auto api = make_request("GET", "/api/v1/hello");
  CHECK(f.pipeline.handle(api).headers.get("Cache-Control") == "no-store");
  auto page = make_request("GET", "/");
  CHECK(f.pipeline.handle(page).headers.get("Cache-Control") == "no-cache");
  auto unknown_api = make_request("GET", "/api/v1/unknown");
  CHECK(f.pipeline.handle(unknown_api).headers.get("Content-Type") ==
        "application/json; charset=utf-8");
  auto unknown_page = make_request("GET", "/missing");
  CHECK(f.pipeline.handle(unknown_page).headers.get("Content-Type") == "text/html; charset=utf-8");
}

TEST_CASE("the origin check runs before the handler") {
  Fixture f;
  auto request = make_request("POST", "/api/v1/hello");
  request.headers.add("Host", "127.0.0.1:8080");
  request.headers.add("Origin", "https://evil.example");
  CHECK(f.pipeline.handle(request).status == 403);
  request.headers.set("Origin", "http://127.0.0.1:8080");
  CHECK(f.pipeline.handle(request).status == 201);
}

TEST_CASE("HEAD on an API route keeps the length and drops the body") {
  Fixture f;
  auto get = make_request("GET", "/api/v1/hello");
  const std::size_t length = f.pipeline.handle(get).body_size();
  auto head = make_request("HEAD", "/api/v1/hello");
  const Response response = f.pipeline.handle(head);
  CHECK(response.status == 200);
  CHECK(response.body_size() == 0);
  CHECK(response.headers.get("Content-Length") == std::to_string(length));
}

TEST_CASE("without a site directory the API still works and pages are 404") {
  const StaticFiles empty;
  Router router;
  router.get("/api/v1/hello", [](const Request&) { return Response::text(200, "hi"); });
  const Pipeline pipeline(router, empty, {});
  auto api = make_request("GET", "/api/v1/hello");
  CHECK(pipeline.handle(api).status == 200);
  auto page = make_request("GET", "/");
  CHECK(pipeline.handle(page).status == 404);
}
