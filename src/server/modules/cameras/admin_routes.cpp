// "Quản lý camera": admins see every camera with its source, viewers and what the probe saw, add
// cameras and edit them (hide one by unpublishing it, mark it in maintenance).
#include <soci/soci.h>

#include <algorithm>
#include <cmath>

#include "core/communes.h"
#include "core/feedback.h"
#include "core/text.h"
#include "http/json_body.h"
#include "integrations/http_client.h"
#include "modules/accounts/access.h"
#include "modules/cameras/messages.h"
#include "modules/cameras/policy.h"
#include "modules/cameras/routes.h"

namespace cdscb::server::cameras {
namespace {

constexpr std::size_t kMaxBodyBytes = 16 * 1024;

bool valid_code(const std::string& code) {
  return code.size() >= 3 && code.size() <= 40 && std::all_of(code.begin(), code.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

bool valid_source(const std::string& url) {
  std::string checked = url;
  if (checked.starts_with("{nvr}")) checked.replace(0, 5, "http://nvr.invalid");
  return checked.find(".m3u8") != std::string::npos &&
         integrations::parse_http_url(checked).has_value();
}

// Applies the fields `body` has onto `camera`, collecting errors; then checks the whole camera.
void apply_body(const nlohmann::json& body, Camera& camera, http::FieldErrors& errors) {
  const auto text = [&](const char* key, std::string& out) {
    if (!body.contains(key)) return;
    if (auto value = http::string_field(body, key, errors)) out = std::move(*value);
  };
  const auto number = [&](const char* key, double& out, std::string_view message) {
    if (!body.contains(key)) return;
    const auto& value = body[key];
    if (value.is_number() && std::isfinite(value.get<double>())) {
      out = value.get<double>();
    } else {
      errors.add(key, message);
    }
  };
  const auto flag = [&](const char* key, bool& out) {
    if (!body.contains(key)) return;
    if (body[key].is_boolean()) {
      out = body[key].get<bool>();
    } else {
      errors.add(key, messages::kNotBoolean);
    }
  };
  text("name", camera.name);
  text("commune", camera.commune);
  text("place", camera.place);
  text("kind", camera.kind);
  text("source_url", camera.source_url);
  number("lat", camera.lat, messages::kLatInvalid);
  number("lng", camera.lng, messages::kLngInvalid);
  flag("published", camera.published);
  flag("maintenance", camera.maintenance);

  camera.name = std::string(core::trim_blank(camera.name));
  camera.place = std::string(core::trim_blank(camera.place));
  camera.source_url = std::string(core::trim_blank(camera.source_url));
  if (camera.name.empty() || core::count_code_points(camera.name) > 120) {
    errors.add("name", messages::kNameRequired);
  }
  if (!core::find_commune(camera.commune)) errors.add("commune", messages::kCommuneInvalid);
  if (core::count_code_points(camera.place) > 200) errors.add("place", messages::kPlaceTooLong);
  if (std::abs(camera.lat) > 90) errors.add("lat", messages::kLatInvalid);
  if (std::abs(camera.lng) > 180) errors.add("lng", messages::kLngInvalid);
  if (std::find(std::begin(kKinds), std::end(kKinds), camera.kind) == std::end(kKinds)) {
    errors.add("kind", messages::kKindInvalid);
  }
  if (!valid_source(camera.source_url)) errors.add("source_url", messages::kSourceInvalid);
}

long long now_seconds() { return accounts::unix_seconds(std::chrono::system_clock::now()); }

http::Response list_admin(const CamerasDeps& deps, const http::Request& request) {
  accounts::require(may_administer(deps.sessions.require_user(request)));
  std::vector<Camera> cameras;
  {
    soci::session sql(deps.database.pool());
    cameras = list_all(sql);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const Camera& camera : cameras) {
    nlohmann::json item = admin_json(camera);
    item["viewers"] = deps.relay->viewers(camera.code);
    items.push_back(std::move(item));
  }
  const RelayStats stats = deps.relay->stats();
  return http::no_store(
      http::Response::json(200, {{"items", std::move(items)},
                                 {"relay",
                                  {{"upstream_fetches", stats.upstream_fetches},
                                   {"segment_fetches", stats.segment_fetches},
                                   {"served", stats.served},
                                   {"segments_served", stats.segments_served}}}}));
}

http::Response create(const CamerasDeps& deps, const http::Request& request) {
  accounts::require(may_administer(deps.sessions.require_user(request)));
  const nlohmann::json body = http::parse_json_object(request, kMaxBodyBytes);
  http::FieldErrors errors;
  Camera camera;
  if (auto code = http::string_field(body, "code", errors)) camera.code = std::move(*code);
  if (!valid_code(camera.code)) errors.add("code", messages::kCodeInvalid);
  apply_body(body, camera, errors);
  errors.throw_if_any();
  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  if (find_camera(sql, camera.code)) throw http::HttpError(409, "camera_exists", messages::kExists);
  insert_camera(sql, camera, now_seconds());
  transaction.commit();
  return http::no_store(http::Response::json(201, {{"item", admin_json(camera)}}));
}

http::Response patch(const CamerasDeps& deps, const http::Request& request) {
  accounts::require(may_administer(deps.sessions.require_user(request)));
  const std::string code(request.param("code").value_or(""));
  const nlohmann::json body = http::parse_json_object(request, kMaxBodyBytes);
  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  std::optional<Camera> camera = find_camera(sql, code);
  if (!camera) throw http::HttpError(404, "not_found", messages::kNotFound);
  http::FieldErrors errors;
  apply_body(body, *camera, errors);
  errors.throw_if_any();
  update_camera(sql, *camera, now_seconds());
  transaction.commit();
  deps.relay->forget(code);
  return http::no_store(http::Response::json(200, {{"item", admin_json(*camera)}}));
}

}  // namespace

void register_admin_routes(http::Router& router, const CamerasDeps& deps) {
  router.get("/api/v1/admin/cameras",
             [deps](const http::Request& request) { return list_admin(deps, request); });
  router.post("/api/v1/admin/cameras",
              [deps](const http::Request& request) { return create(deps, request); });
  router.patch("/api/v1/admin/cameras/{code}",
               [deps](const http::Request& request) { return patch(deps, request); });
}

}  // namespace cdscb::server::cameras
