// Holidays, Open311 keys and deadlines over Tết on PostgreSQL, when CDSCB_TEST_POSTGRES_URL names
// a server (see db/postgresql_test.cpp); skipped otherwise.
#include <doctest/doctest.h>

#include "db/migrations.h"
#include "db/test_schema.h"
#include "modules/feedback/routes.h"
#include "modules/feedback_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using json = nlohmann::json;

TEST_CASE("holidays and Open311 keys on PostgreSQL") {
  const TestSchema schema;
  if (!schema.url()) return;  // CDSCB_TEST_POSTGRES_URL not set
  db::Database database(*schema.url(), 2);
  db::migrate(database);
  {
    FeedbackHarness h(database);
    const std::string admin = h.official("admin", "0912000001", "");
    const std::string path = "/api/v1/admin/holidays";
    json list = body_of(h.get(path, {.cookie = admin}))["holidays"];
    REQUIRE(list.size() >= 20);
    CHECK(list[0]["date"] == "2026-01-01");
    CHECK(h.post(path, {{"date", "2027-11-24"}, {"name", "Ngày thử"}}, {.cookie = admin}).status ==
          201);
    CHECK(h.post(path, {{"date", "2027-11-24"}, {"name", "Lần hai"}}, {.cookie = admin}).status ==
          409);
    CHECK(h.del(path + "/2027-11-24", {.cookie = admin}).status == 204);
    CHECK(h.del(path + "/2027-11-24", {.cookie = admin}).status == 404);
    CHECK(h.post(path, {{"date", "2027-11-24"}, {"name", "Lần ba"}}, {.cookie = admin}).status ==
          201);
    load_feedback_reference_data(database, std::filesystem::path(CDSCB_SOURCE_DIR) / "data");
    CHECK(h.count_rows("holidays", "day = '2027-11-24' AND name = 'Lần ba'") == 1);

    h.set_vietnam_time("2027-02-04", 15, 0);
    const std::string citizen = h.citizen("0987654321");
    const json feedback = h.create(citizen);
    CHECK(feedback["receive_deadline"] == "2027-02-12T08:30:00Z");
    CHECK(feedback["answer_deadline"] == "2027-02-25T08:00:00Z");

    const std::string fresh_admin = h.sign_in("0912000001", "Mat khau can bo 2025");
    const json issued = h.issue_open311_key(fresh_admin);
    const std::string form =
        "service_code=giao-thong&lat=22.666&long=106.258&description=abc&api_key=" +
        issued["api_key"].get<std::string>();
    CHECK(h.open311_post(form).status == 201);
    CHECK(h.del("/api/v1/admin/open311-keys/" + issued["id"].dump(), {.cookie = fresh_admin})
              .status == 204);
    const json keys = body_of(h.get("/api/v1/admin/open311-keys", {.cookie = fresh_admin}))["keys"];
    REQUIRE(keys.size() == 1);
    CHECK(keys[0]["revoked_at"] == "2027-02-04T08:00:00Z");
    CHECK(keys[0]["created_by"]["name"] == "Lê Thị Hoa");
    CHECK(h.open311_post(form).status == 403);
  }
}
