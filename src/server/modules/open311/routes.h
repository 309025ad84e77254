// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the feedback module: other
// systems (a district's hotline, a partner app) read published feedback and, with an API key an
// admin issued, post new feedback, in the published JSON shapes (the schemas are in
// tests/server/open311-georeport-v2/). Feedback fields are the services.
//   GET  /open311/v2/discovery.json | services.json | services/{code}.json
//   GET  /open311/v2/requests.json?service_request_id=&service_code=&status=&start_date=&end_date=
//   POST /open311/v2/requests.json  (api_key, service_code, description, lat, long, address_string)
//   GET  /open311/v2/requests/{id}.json | tokens/{id}.json
// Admins only:
//   GET|POST /api/v1/admin/open311-keys ;  DELETE /api/v1/admin/open311-keys/{id}
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "db/database.h"
#include "http/router.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server {

struct Open311Deps {
  db::Database& database;
  accounts::Sessions sessions;  // its clock is the module's clock
  // The URL of an uploaded photo (the media store), for media_url.
  std::function<std::string(std::string_view media_id)> photo_url;
  // Where Open311 clients reach the server (Config::origin()), for the discovery document.
  std::string public_origin;
};

void register_open311_routes(http::Router& router, const Open311Deps& deps);

namespace open311 {
void register_key_routes(http::Router& router, const Open311Deps& deps);
long long now_seconds(const Open311Deps& deps);
}  // namespace open311

}  // namespace cdscb::server
