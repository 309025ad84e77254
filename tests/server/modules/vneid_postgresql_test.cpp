// The VNeID login and linking on PostgreSQL, when CDSCB_TEST_POSTGRES_URL names a server (see
// db/postgresql_test.cpp); skipped otherwise.
#include <doctest/doctest.h>

#include "db/test_schema.h"
#include "modules/vneid_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;

TEST_CASE("vneid on PostgreSQL: first login, link/new, second login, reused state") {
  const TestSchema schema;
  if (!schema.url()) return;  // CDSCB_TEST_POSTGRES_URL not set
  {
    VneidHarness harness(*schema.url());
    harness.accounts->create_account("0987654321", "Cao-Bang-2025");
    Browser browser;
    const std::string start_url = harness.start(browser);
    const Browser before = browser;
    const std::string code = harness.provider.authorize(start_url);
    const std::string state = vneid::query_params(start_url)["state"];
    const std::string query =
        query_string({{"code", code}, {"state", state}, {"iss", vneid::kIssuer}});
    REQUIRE(harness.callback(browser, query).status == 302);
    REQUIRE(harness.get(browser, "/api/v1/auth/vneid/pending").status == 200);
    const auto created =
        harness.post(browser, "/api/v1/auth/vneid/link/new", nlohmann::json::object());
    REQUIRE_MESSAGE(created.status == 201, created.body);
    CHECK(body_of(created)["user"]["vneid_verified"] == true);
    const auto me = harness.accounts->get("/api/v1/me", {.cookie = browser.session()});
    CHECK(body_of(me)["user"]["so_dinh_danh_masked"] == "004*******45");

    Browser replay = before;
    const auto replayed = harness.callback(replay, query);
    CHECK(replayed.headers.get("Location").value_or("") == "/#/lien-ket-vneid");
    CHECK(replay.session().empty());

    Browser later;
    CHECK(harness.log_in(later).headers.get("Location").value_or("") == "/#/");
    CHECK_FALSE(later.session().empty());

    // link/existing on the phone account is refused: this identity is linked already.
    harness.provider.id_claims["SoDinhDanh"] = "004192003456";
    harness.provider.userinfo["SoDinhDanh"] = "004192003456";
    Browser other;
    REQUIRE(harness.log_in(other).status == 302);
    const auto linked = harness.post(other, "/api/v1/auth/vneid/link/existing",
                                     {{"phone", "0987654321"}, {"password", "Cao-Bang-2025"}});
    CHECK(linked.status == 200);
    CHECK(harness.accounts->count_rows("vneid_links") == 2);
  }
}
