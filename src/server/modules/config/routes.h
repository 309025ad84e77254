// GET /api/v1/config: settings the app needs before it draws anything (the map, for now).
#pragma once

#include <string>

#include "http/router.h"

namespace cdscb::server {

struct ConfigDeps {
  std::string tile_url;  // template such as ".../{z}/{x}/{y}.png"; empty: the app shows no tiles
  std::string tile_attribution;
  bool vneid = false;  // "Đăng nhập bằng VNeID" is configured
};

// {"map":{"tile_url":…,"attribution":…,"center":[22.666,106.258],"zoom":12},"vneid":bool}:
// Cao Bằng city, and whether to offer "Đăng nhập bằng VNeID".
void register_config_routes(http::Router& router, const ConfigDeps& deps);

}  // namespace cdscb::server
