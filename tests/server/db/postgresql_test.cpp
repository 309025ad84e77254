// Migrations and the health check against a real PostgreSQL server, when the environment names
// one: CDSCB_TEST_POSTGRES_URL=postgresql://user:pass@127.0.0.1/db (the user must be allowed
// to create schemas). Each run works in a fresh schema and drops it afterwards.
#include <doctest/doctest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "db/database.h"
#include "db/migrations.h"
#include "modules/health/routes.h"
#include "test_support.h"

using namespace cdscb::server;

TEST_CASE("migrations and health on PostgreSQL") {
  const char* base_url = std::getenv("CDSCB_TEST_POSTGRES_URL");
  if (!base_url || !*base_url) {
    MESSAGE("CDSCB_TEST_POSTGRES_URL is not set: PostgreSQL not tested");
    return;
  }
  const std::string schema = "cdscb_test_" + std::to_string(getpid());
  const std::string separator = std::string(base_url).find('?') == std::string::npos ? "?" : "&";
  const auto admin_url = db::parse_database_url(base_url);
  const auto schema_url =
      db::parse_database_url(base_url + separator + "options=-csearch_path%3D" + schema);
  REQUIRE(admin_url);
  REQUIRE(schema_url);

  db::Database admin(*admin_url, 1);
  {
    soci::session sql(admin.pool());
    sql << "CREATE SCHEMA " + schema;
  }
  struct DropSchema {
    db::Database& admin;
    std::string schema;
    ~DropSchema() {
      soci::session sql(admin.pool());
      sql << "DROP SCHEMA " + schema + " CASCADE";
    }
  } drop{admin, schema};

  {
    db::Database database(*schema_url, 2);
    CHECK(db::migrate(database).applied == static_cast<int>(db::builtin_migrations().size()));
  }
  db::Database database(*schema_url, 2);
  const db::MigrationResult again = db::migrate(database);
  CHECK(again.applied == 0);
  CHECK(again.version == db::builtin_migrations().back().version);

  http::Router router;
  register_health_routes(router, {.database = database, .version = "0.1.0"});
  auto request = testing::make_request("GET", "/api/v1/health");
  const http::Response response = router.dispatch(request);
  CHECK(response.status == 200);
  CHECK(nlohmann::json::parse(response.body)["database"] == "ok");
}
