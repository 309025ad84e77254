// The public map of published feedback: the points inside the map's view, with the same filters
// as the public list, and only what a marker needs (no text, photos or personal data; the marker
// opens the public detail for those).
#include <soci/soci.h>

#include <algorithm>
#include <string>

#include "core/feedback.h"
#include "core/feedback_listed_json.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/messages.h"
#include "util/strings.h"

namespace cdscb::server::feedback {
namespace {

// More points than a phone map can show usefully; the newest are kept and "truncated" tells the
// app to ask the citizen to zoom in.
constexpr long long kMapMax = 500;

// The share of the province's box from which a box is "wide" (see wide_box): about a phone map
// zoomed out to level 10 or less (level 11 shows ~6% of it on a 412 px wide phone).
constexpr double kWideBoxShare = 1.0 / 16;

struct Bbox {
  double min_lng = 0, min_lat = 0, max_lng = 0, max_lat = 0;
};

// "minLng,minLat,maxLng,maxLat" as Leaflet's toBBoxString() gives it; nullopt when malformed,
// out of range or empty (min ≥ max).
std::optional<Bbox> parse_bbox(std::string_view text) {
  const auto parts = util::split(text, ',');
  if (parts.size() != 4) return std::nullopt;
  double values[4];
  for (std::size_t i = 0; i < 4; ++i) {
    const auto value = util::parse_double(parts[i]);
    if (!value) return std::nullopt;
    values[i] = *value;
  }
  const Bbox box{values[0], values[1], values[2], values[3]};
  if (box.min_lng < -180 || box.max_lng > 180 || box.min_lat < -90 || box.max_lat > 90 ||
      box.min_lng >= box.max_lng || box.min_lat >= box.max_lat) {
    return std::nullopt;
  }
  return box;
}

// Two ways to find the newest points of a box, each good for one kind of box (measured with
// 100,000 rows by tests/load/feedback_queries.sh; both indexes are migration 11's). A box holding
// much of the province has its 500 newest points among the newest published rows: walking
// (published, id, lat, lng, field, status, commune) newest first finds them from index entries
// alone, where the box's index would read and sort every point in it (~50,000). A small box (a
// ward, a town) is the opposite: (published, lat, lng) reads only its points. The unary "+"
// keeps SQLite's planner off the lat index for wide boxes (PostgreSQL plans by its statistics).
bool wide_box(const Bbox& box) {
  const double lat =
      std::min(box.max_lat, core::kProvinceLatMax) - std::max(box.min_lat, core::kProvinceLatMin);
  const double lng =
      std::min(box.max_lng, core::kProvinceLngMax) - std::max(box.min_lng, core::kProvinceLngMin);
  const double province = (core::kProvinceLatMax - core::kProvinceLatMin) *
                          (core::kProvinceLngMax - core::kProvinceLngMin);
  return lat > 0 && lng > 0 && lat * lng >= province * kWideBoxShare;
}

http::Response public_map(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  http::FieldErrors errors;
  const auto box = parse_bbox(request.query_param("bbox").value_or(""));
  if (!box) errors.add("bbox", messages::kBboxInvalid);
  const std::string field(request.query_param("field").value_or(""));
  const std::string status(request.query_param("status").value_or(""));
  const std::string commune(request.query_param("commune").value_or(""));
  if (!status.empty() && !core::find_feedback_status(status)) {
    errors.add("status", messages::kStatusUnknown);
  }
  errors.throw_if_any();

  // Only the filters asked for are in the SQL, so each stays a plain condition. The inner query
  // picks the newest ids; the outer one reads the few columns of at most kMapMax + 1 rows.
  std::string where = std::string("published = 1 AND ") + (wide_box(*box) ? "+lat" : "lat") +
                      " BETWEEN :min_lat AND :max_lat AND lng BETWEEN :min_lng AND :max_lng";
  if (!field.empty()) where += " AND field = :field";
  if (!status.empty()) where += " AND status = :status";
  if (!commune.empty()) where += " AND commune = :commune";
  const long long limit = kMapMax + 1;
  const std::string query =
      "SELECT f.id, f.title, f.lat, f.lng, f.status, f.field, COALESCE(ff.name, f.field) "
      "FROM (SELECT id FROM feedback WHERE " +
      where +
      " ORDER BY id DESC LIMIT :limit) AS chosen "
      "JOIN feedback f ON f.id = chosen.id "
      "LEFT JOIN feedback_fields ff ON ff.code = f.field ORDER BY f.id DESC";

  long long id = 0;
  std::string title, row_status, row_field, field_name;
  double lat = 0, lng = 0;
  auto prepared = (sql.prepare << query, soci::use(box->min_lat), soci::use(box->max_lat),
                   soci::use(box->min_lng), soci::use(box->max_lng));
  if (!field.empty()) prepared, soci::use(field);
  if (!status.empty()) prepared, soci::use(status);
  if (!commune.empty()) prepared, soci::use(commune);
  prepared, soci::use(limit), soci::into(id), soci::into(title), soci::into(lat), soci::into(lng),
      soci::into(row_status), soci::into(row_field), soci::into(field_name);
  soci::statement statement(prepared);
  statement.execute();
  core::FeedbackMap map;
  while (statement.fetch()) {
    if (static_cast<long long>(map.items.size()) == kMapMax) {
      map.truncated = true;
      break;
    }
    map.items.push_back({id,
                         title,
                         lat,
                         lng,
                         row_status,
                         std::string(core::feedback_status_label(row_status)),
                         {row_field, field_name}});
  }
  return http::Response::json(200, core::feedback_map_json<nlohmann::json>(map));
}

}  // namespace

void register_map_routes(http::Router& router, const FeedbackDeps& deps) {
  router.get("/api/v1/public/feedback/map",
             [deps](const http::Request& request) { return public_map(deps, request); });
}

}  // namespace cdscb::server::feedback
