// Dossier codes stay unique when many citizens file to one unit at the same moment: the daily
// counter is one atomic upsert in the filing transaction, on SQLite and PostgreSQL.
#include <doctest/doctest.h>

#include <set>

#include "modules/concurrency_support.h"
#include "modules/dossiers/dossiers_harness.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;

TEST_CASE("dossiers: codes are unique under concurrent filings to one unit") {
  for_each_database(8, [](db::Database& database) {
    DossiersHarness h(&database);
    constexpr int kClients = 16;
    std::vector<std::string> cookies;
    std::vector<nlohmann::json> bodies;
    for (int i = 0; i < kClients; ++i) {
      // Accounts made directly: signing up 16 from one address would meet the SMS limits.
      cookies.push_back(h.official("09140000" + std::to_string(10 + i), core::Role::kCitizen, ""));
      bodies.push_back(h.lltp_body(h.upload_id(fresh_jpeg(100 + i), cookies.back())));
    }
    const auto answers = at_once(kClients, [&](int i) {
      return h.file(bodies[i], cookies[i], "concurrent-key-" + std::to_string(1000 + i));
    });
    std::set<std::string> codes;
    for (const auto& answer : answers) {
      REQUIRE_MESSAGE(answer.status == 201, answer.body);
      codes.insert(body_of(answer)["dossier"]["code"].get<std::string>());
    }
    CHECK(codes.size() == kClients);
    CHECK(codes.count(std::string(kLltpUnit) + "-250304-0001") == 1);
    CHECK(codes.count(std::string(kLltpUnit) + "-250304-0016") == 1);
  });
}
