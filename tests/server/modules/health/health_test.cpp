#include <doctest/doctest.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "db/test_database.h"
#include "modules/health/routes.h"
#include "test_support.h"

using namespace cdscb::server;
using cdscb::server::testing::make_request;
using cdscb::server::testing::MigratedDatabase;

namespace {

std::chrono::system_clock::time_point fixed_time() {
  return std::chrono::sys_days{std::chrono::year{2025} / 3 / 4} + std::chrono::hours{5} +
         std::chrono::minutes{6} + std::chrono::seconds{7};
}

}  // namespace

TEST_CASE("health answers ok after querying a migrated database") {
  MigratedDatabase fresh(1);
  db::Database& database = fresh.database();
  http::Router router;
  register_health_routes(router, {.database = database, .version = "0.1.0", .now = fixed_time});

  auto request = make_request("GET", "/api/v1/health");
  const http::Response response = router.dispatch(request);
  CHECK(response.status == 200);
  CHECK(nlohmann::json::parse(response.body) == nlohmann::json{{"status", "ok"},
                                                               {"version", "0.1.0"},
                                                               {"database", "ok"},
                                                               {"time", "2025-03-04T05:06:07Z"}});
}

TEST_CASE("health answers 503 degraded when the database fails") {
  MigratedDatabase fresh(1);
  db::Database& database = fresh.database();
  http::Router router;
  register_health_routes(router, {.database = database, .version = "0.1.0", .now = fixed_time});
  {
    soci::session sql(database.pool());
    sql << "DROP TABLE schema_migrations";
  }
  auto request = make_request("GET", "/api/v1/health");
  const http::Response response = router.dispatch(request);
  CHECK(response.status == 503);
  const auto body = nlohmann::json::parse(response.body);
  CHECK(body["status"] == "degraded");
  CHECK(body["database"] != "ok");
}
