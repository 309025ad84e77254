#include "modules/health/routes.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "db/migrations.h"
#include "util/log.h"
#include "util/time.h"

namespace cdscb::server {
namespace {

http::Response health(const HealthDeps& deps) {
  bool database_ok = false;
  try {
    soci::session sql(deps.database.pool());
    // Reads a real table, so a database without our schema is not reported healthy.
    database_ok = db::schema_version(sql) > 0;
    if (!database_ok) util::log_warn("health: the database has no schema");
  } catch (const std::exception& e) {
    util::log_error(std::string("health: database check failed: ") + e.what());
  }
  const nlohmann::json body = {
      {"status", database_ok ? "ok" : "degraded"},
      {"version", deps.version},
      {"database", database_ok ? "ok" : "unavailable"},
      {"time", util::rfc3339_utc(deps.now())},
  };
  return http::Response::json(database_ok ? 200 : 503, body);
}

}  // namespace

void register_health_routes(http::Router& router, const HealthDeps& deps) {
  router.get("/api/v1/health", [deps](const http::Request&) { return health(deps); });
}

}  // namespace cdscb::server
