#include "modules/directory/routes.h"

#include <soci/soci.h>

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "http/json_body.h"
#include "http/pagination.h"
#include "modules/directory/messages.h"
#include "modules/directory/store.h"

namespace cdscb::server {
namespace directory {
namespace {

constexpr long long kDefaultLimit = 50;
constexpr long long kMaxLimit = 200;
constexpr std::string_view kCursorPrefix = "o";

struct ListQuery {
  std::string q;
  std::vector<std::string> kinds;  // empty: every kind but "emergency"
  std::optional<core::GeoPoint> near;
  long long offset = 0;
  long long limit = kDefaultLimit;
};

ListQuery read_query(const http::Request& request) {
  http::FieldErrors errors;
  ListQuery query;
  query.q = std::string(request.query_param("q").value_or(""));
  if (!core::is_valid_utf8(query.q)) {
    errors.add("q", http::kInvalidEncoding);
  } else if (core::count_code_points(query.q) > 100) {
    errors.add("q", messages::kQueryTooLong);
  }
  const std::string kinds(request.query_param("kind").value_or(""));
  for (std::size_t start = 0; start < kinds.size();) {
    const std::size_t end = std::min(kinds.find(',', start), kinds.size());
    const std::string kind = kinds.substr(start, end - start);
    if (std::find(std::begin(core::kDirectoryKinds), std::end(core::kDirectoryKinds), kind) ==
        std::end(core::kDirectoryKinds)) {
      errors.add("kind", messages::kKindInvalid);
    }
    query.kinds.push_back(kind);
    start = end + 1;
  }
  if (const auto near = request.query_param("near"); near && !near->empty()) {
    query.near = core::parse_near(*near);
    if (!query.near) errors.add("near", messages::kNearInvalid);
  }
  query.limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  query.offset = http::read_cursor(request, errors, kCursorPrefix).value_or(0);
  errors.throw_if_any();
  return query;
}

bool kind_wanted(const ListQuery& query, const std::string& kind) {
  if (query.kinds.empty()) return kind != "emergency";
  return std::find(query.kinds.begin(), query.kinds.end(), kind) != query.kinds.end();
}

http::Response list(const DirectoryDeps& deps, const http::Request& request) {
  const ListQuery query = read_query(request);
  soci::session sql(deps.database.pool());
  const std::vector<core::DirectoryRecord> all = load_all(sql);

  nlohmann::json emergency = nlohmann::json::array();
  struct Hit {
    const core::DirectoryRecord* record;
    std::optional<double> distance;
  };
  std::vector<Hit> hits;
  for (const auto& record : all) {
    if (record.kind == "emergency" && !record.phones.empty())
      emergency.push_back({{"number", record.phones.front()}, {"name", record.name}});
    if (!kind_wanted(query, record.kind) || !core::matches_search(record, query.q)) continue;
    Hit hit{&record, std::nullopt};
    if (query.near && record.location)
      hit.distance = core::distance_m(*query.near, *record.location);
    hits.push_back(hit);
  }
  if (query.near) {
    // Nearest first; records whose place is not known yet keep their order after them.
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      if (a.distance && b.distance) return *a.distance < *b.distance;
      return a.distance.has_value() && !b.distance.has_value();
    });
  }
  nlohmann::json items = nlohmann::json::array();
  const auto total = static_cast<long long>(hits.size());
  const long long end = std::min(total, query.offset + query.limit);
  for (long long i = query.offset; i < end; ++i) {
    nlohmann::json item = record_json(*hits[static_cast<std::size_t>(i)].record);
    if (const auto& d = hits[static_cast<std::size_t>(i)].distance)
      item["distance_m"] = std::llround(*d);
    items.push_back(std::move(item));
  }
  std::string cursor(kCursorPrefix);
  cursor += std::to_string(end);
  const nlohmann::json next = end < total ? nlohmann::json(cursor) : nlohmann::json(nullptr);
  http::Response response = http::Response::json(
      200, {{"emergency", emergency}, {"items", items}, {"next_cursor", next}});
  // Public data that admins may change at any moment: caches must ask again.
  response.headers.set("Cache-Control", "no-cache");
  return response;
}

http::Response get_one(const DirectoryDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto record = find_record(sql, std::string(request.param("code").value_or("")));
  if (!record) throw http::HttpError(404, "not_found", messages::kNotFound);
  http::Response response = http::Response::json(200, {{"item", record_json(*record)}});
  response.headers.set("Cache-Control", "no-cache");
  return response;
}

}  // namespace

long long now_seconds(const DirectoryDeps& deps) {
  return accounts::unix_seconds(deps.sessions.clock()());
}

}  // namespace directory

void register_directory_routes(http::Router& router, const DirectoryDeps& deps) {
  router.get("/api/v1/directory",
             [deps](const http::Request& request) { return directory::list(deps, request); });
  router.get("/api/v1/directory/{code}",
             [deps](const http::Request& request) { return directory::get_one(deps, request); });
  directory::register_admin_routes(router, deps);
}

}  // namespace cdscb::server
