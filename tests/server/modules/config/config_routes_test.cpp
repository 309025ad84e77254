#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "modules/config/routes.h"
#include "test_support.h"

using namespace cdscb::server;
using cdscb::server::testing::make_request;

TEST_CASE("config gives the app its map settings") {
  http::Router router;
  register_config_routes(router, {.tile_url = "http://127.0.0.1:9000/{z}/{x}/{y}.png",
                                  .tile_attribution = "© OpenStreetMap"});
  auto request = make_request("GET", "/api/v1/config");
  const http::Response response = router.dispatch(request);
  CHECK(response.status == 200);
  CHECK(nlohmann::json::parse(response.body) ==
        nlohmann::json::parse(R"({"map":{"tile_url":"http://127.0.0.1:9000/{z}/{x}/{y}.png",
            "attribution":"© OpenStreetMap","center":[22.666,106.258],"zoom":12},"vneid":false})"));
}

TEST_CASE("config without tiles gives an empty template") {
  http::Router router;
  register_config_routes(router, {});
  auto request = make_request("GET", "/api/v1/config");
  CHECK(nlohmann::json::parse(router.dispatch(request).body)["map"]["tile_url"] == "");
}

TEST_CASE("config says whether VNeID login is offered") {
  http::Router router;
  register_config_routes(router, {.tile_url = "", .tile_attribution = "", .vneid = true});
  auto request = make_request("GET", "/api/v1/config");
  CHECK(nlohmann::json::parse(router.dispatch(request).body)["vneid"] == true);
}
