// Migrations and the health check against a real PostgreSQL server, when the environment names
// one: CDSCB_TEST_POSTGRES_URL=postgresql://user:pass@127.0.0.1/db (the user must be allowed
// to create schemas). Each run works in a fresh schema and drops it afterwards.
#include <doctest/doctest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "db/database.h"
#include "db/migrations.h"
#include "db/test_schema.h"
#include "modules/accounts_harness.h"
#include "modules/health/routes.h"
#include "test_support.h"

using namespace cdscb::server;
using cdscb::server::testing::TestSchema;

TEST_CASE("migrations and health on PostgreSQL") {
  const TestSchema schema;
  if (!schema.url()) {
    MESSAGE("CDSCB_TEST_POSTGRES_URL is not set: PostgreSQL not tested");
    return;
  }
  {
    db::Database database(*schema.url(), 2);
    CHECK(db::migrate(database).applied == static_cast<int>(db::builtin_migrations().size()));
  }
  db::Database database(*schema.url(), 2);
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

TEST_CASE("accounts on PostgreSQL: register, confirm, sign in, lockout, reset") {
  const TestSchema schema;
  if (!schema.url()) return;
  db::Database database(*schema.url(), 2);
  db::migrate(database);
  testing::AccountsHarness accounts(database, "");
  const std::string phone = "0912345678";
  const std::string token = accounts.create_account(phone, "Thac Ban Gioc 2025", "Nông Thị Hồng");
  CHECK(accounts.get("/api/v1/me", {.cookie = token}).status == 200);
  CHECK(accounts
            .post("/api/v1/accounts/register",
                  {{"full_name", "Người Khác"}, {"phone", phone}, {"password", "Another one 2"}})
            .status == 409);
  for (int i = 0; i < 5; ++i) {
    CHECK(accounts.post("/api/v1/sessions", {{"phone", phone}, {"password", "guess"}}).status ==
          401);
    accounts.clock.advance(std::chrono::seconds(20));  // past the slow-down
  }
  CHECK(accounts.post("/api/v1/sessions", {{"phone", phone}, {"password", "guess"}}).status == 429);
  accounts.clock.advance(std::chrono::seconds(60));
  CHECK(accounts.post("/api/v1/password-resets", {{"phone", phone}}).status == 202);
  const std::string code = accounts.sms.last_code(phone);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  const auto bad =
      accounts.post("/api/v1/password-resets/confirm",
                    {{"phone", phone}, {"code", wrong}, {"new_password", "Pac Bo 1941"}});
  CHECK(testing::body_of(bad)["remaining_attempts"] == 4);
  CHECK(accounts
            .post("/api/v1/password-resets/confirm",
                  {{"phone", phone}, {"code", code}, {"new_password", "Pac Bo 1941"}})
            .status == 204);
  CHECK(accounts.get("/api/v1/me", {.cookie = token}).status == 401);
  const std::string fresh = accounts.sign_in(phone, "Pac Bo 1941");
  CHECK(accounts.del("/api/v1/sessions", {.cookie = fresh}).status == 204);
  CHECK(accounts.count_rows("sessions") == 0);
}
