#include "modules/config/routes.h"

#include <nlohmann/json.hpp>

namespace cdscb::server {
namespace {

constexpr double kCenterLatitude = 22.666;  // Cao Bằng city
constexpr double kCenterLongitude = 106.258;
constexpr int kZoom = 12;

}  // namespace

void register_config_routes(http::Router& router, const ConfigDeps& deps) {
  // The answer never changes while the server runs: build it once.
  const nlohmann::json body = {
      {"map",
       {
           {"tile_url", deps.tile_url},
           {"attribution", deps.tile_attribution},
           {"center", {kCenterLatitude, kCenterLongitude}},
           {"zoom", kZoom},
       }},
      {"vneid", deps.vneid},
  };
  auto response = std::make_shared<const http::Response>(http::Response::json(200, body));
  router.get("/api/v1/config", [response](const http::Request&) { return *response; });
}

}  // namespace cdscb::server
