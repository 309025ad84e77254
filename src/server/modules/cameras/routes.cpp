#include "modules/cameras/routes.h"

#include <soci/soci.h>

#include <algorithm>
#include <cmath>

#include "core/communes.h"
#include "core/directory.h"
#include "core/text.h"
#include "http/json_body.h"
#include "http/pagination.h"
#include "modules/cameras/messages.h"
#include "util/log.h"

namespace cdscb::server {
namespace cameras {
namespace {

constexpr long long kDefaultLimit = 50;
constexpr long long kMaxLimit = 200;
// Cursors: "o<offset>" in distance order, "k<hex of the last sort key>" otherwise.
constexpr std::string_view kOffsetCursor = "o";

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0 || hex.size() > 2000) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    const int high = nibble(hex[i]), low = nibble(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
  }
  return out;
}

ListQuery read_query(const http::Request& request) {
  http::FieldErrors errors;
  ListQuery query;
  const std::string q(request.query_param("q").value_or(""));
  if (!core::is_valid_utf8(q)) {
    errors.add("q", http::kInvalidEncoding);
  } else if (core::count_code_points(q) > 100) {
    errors.add("q", messages::kQueryTooLong);
  } else {
    query.folded_q = core::fold_for_search(q);
  }
  query.kind = std::string(request.query_param("kind").value_or(""));
  if (!query.kind.empty() &&
      std::find(std::begin(kKinds), std::end(kKinds), query.kind) == std::end(kKinds)) {
    errors.add("kind", messages::kKindInvalid);
  }
  query.commune = std::string(request.query_param("commune").value_or(""));
  if (!query.commune.empty() && !core::find_commune(query.commune)) {
    errors.add("commune", messages::kCommuneInvalid);
  }
  if (const auto near = request.query_param("near"); near && !near->empty()) {
    if (const auto point = core::parse_near(*near)) {
      query.near = std::pair{point->lat, point->lng};
    } else {
      errors.add("near", messages::kNearInvalid);
    }
  }
  query.limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  if (query.near) {
    query.offset = http::read_cursor(request, errors, kOffsetCursor).value_or(0);
  } else if (const auto cursor = request.query_param("cursor"); cursor && !cursor->empty()) {
    const auto key = cursor->starts_with("k") ? from_hex(cursor->substr(1)) : std::nullopt;
    if (key) {
      query.after = *key;
    } else {
      errors.add("cursor", http::kCursorInvalid);
    }
  }
  errors.throw_if_any();
  return query;
}

http::Response list(const CamerasDeps& deps, const http::Request& request) {
  const ListQuery query = read_query(request);
  std::vector<Camera> found;
  {
    soci::session sql(deps.database.pool());
    found = list_public(sql, query);
  }
  const bool more = static_cast<long long>(found.size()) > query.limit;
  if (more) found.pop_back();
  nlohmann::json items = nlohmann::json::array();
  for (const Camera& camera : found) {
    nlohmann::json item = public_json(camera);
    if (query.near) {
      item["distance_m"] = std::llround(core::distance_m({query.near->first, query.near->second},
                                                         core::GeoPoint{camera.lat, camera.lng}));
    }
    items.push_back(std::move(item));
  }
  nlohmann::json next = nullptr;
  if (more && query.near) {
    next = std::string(kOffsetCursor) + std::to_string(query.offset + query.limit);
  } else if (more) {
    next = "k" + to_hex(sort_key_of(found.back()));
  }
  http::Response response =
      http::Response::json(200, {{"items", std::move(items)}, {"next_cursor", next}});
  // Public, and the status changes at any moment: caches must ask again.
  response.headers.set("Cache-Control", "no-cache");
  return response;
}

http::Response get_one(const CamerasDeps& deps, const http::Request& request) {
  std::optional<Camera> camera;
  {
    soci::session sql(deps.database.pool());
    camera = find_camera(sql, request.param("code").value_or(""));
  }
  if (!camera || !camera->published) throw http::HttpError(404, "not_found", messages::kNotFound);
  http::Response response = http::Response::json(200, public_json(*camera));
  response.headers.set("Cache-Control", "no-cache");
  return response;
}

long long now_seconds() { return accounts::unix_seconds(std::chrono::system_clock::now()); }

}  // namespace

Camera published_camera(const CamerasDeps& deps, const std::string& code) {
  std::optional<Camera> camera = deps.relay->cached_camera(code);
  if (!camera) {
    {
      soci::session sql(deps.database.pool());
      camera = find_camera(sql, code);
    }
    if (camera) deps.relay->remember(*camera);
  }
  if (!camera || !camera->published) throw http::HttpError(404, "not_found", messages::kNotFound);
  return *camera;
}

void record_status(const CamerasDeps& deps, const std::string& code, bool up) {
  if (!deps.relay->observe(code, up)) return;
  soci::session sql(deps.database.pool());
  if (set_status(sql, code, up ? kOnline : kOffline, now_seconds())) {
    util::log_info("camera " + code + (up ? " is back online" : " went offline"));
  }
  deps.relay->forget(code);
}

void probe_cameras(const CamerasDeps& deps) {
  std::vector<Camera> cameras;
  {
    soci::session sql(deps.database.pool());
    cameras = list_all(sql);
  }
  // Fetched with no session held; a camera in maintenance or hidden is not asked.
  std::vector<std::pair<std::string, bool>> seen;
  for (const Camera& camera : cameras) {
    if (camera.published && !camera.maintenance) {
      seen.emplace_back(camera.code, deps.relay->probe(camera));
    }
  }
  if (seen.empty()) return;
  soci::session sql(deps.database.pool());
  const long long now = now_seconds();
  for (const auto& [code, up] : seen) {
    deps.relay->observe(code, up);
    if (set_status(sql, code, up ? kOnline : kOffline, now)) {
      util::log_info("camera " + code + (up ? " is back online" : " went offline"));
      deps.relay->forget(code);
    }
  }
}

}  // namespace cameras

void register_cameras_routes(http::Router& router, const CamerasDeps& deps) {
  router.get("/api/v1/cameras",
             [deps](const http::Request& request) { return cameras::list(deps, request); });
  router.get("/api/v1/cameras/{code}",
             [deps](const http::Request& request) { return cameras::get_one(deps, request); });
  cameras::register_live_routes(router, deps);
  cameras::register_admin_routes(router, deps);
}

}  // namespace cdscb::server
