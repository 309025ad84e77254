// The periodic purge, called directly with a chosen "now".
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "modules/accounts/accounts_harness.h"
#include "modules/accounts/housekeeping.h"
#include "modules/accounts/sessions.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using std::chrono::seconds;

namespace {

const std::string kPassword = "Non nuoc Cao Bang";
constexpr long long kUnconfirmedSeconds = accounts::kUnconfirmedAccountSeconds;

long long now_of(const AccountsHarness& accounts) {
  return accounts::unix_seconds(accounts.clock.now());
}

void register_unconfirmed(AccountsHarness& accounts, const std::string& phone) {
  const auto response =
      accounts.post("/api/v1/accounts/register",
                    {{"full_name", "Lục Văn Pao"}, {"phone", phone}, {"password", kPassword}});
  REQUIRE(response.status == 201);
}

}  // namespace

TEST_CASE("purge removes expired codes, old sends and failures, idle sessions") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account("0911000001", kPassword);
  accounts.post("/api/v1/sessions", {{"phone", "0911000002"}, {"password", "guess"}});
  register_unconfirmed(accounts, "0911000003");  // a live code
  CHECK(accounts::purge_expired(accounts.database(), now_of(accounts)).total() == 0);

  // Two hours on: the code expired over an hour ago; sends and failures decide nothing now.
  accounts.clock.advance(seconds(2 * 3600));
  auto counts = accounts::purge_expired(accounts.database(), now_of(accounts));
  CHECK(counts.codes == 1);
  CHECK(counts.sends == 2);
  CHECK(counts.failures == 1);
  CHECK(counts.sessions == 0);
  CHECK(counts.accounts == 0);  // not yet 24 hours old
  CHECK(accounts.count_rows("verification_codes") == 0);
  CHECK(accounts.count_rows("verification_sends") == 0);
  CHECK(accounts.count_rows("login_failures") == 0);
  CHECK(accounts.get("/api/v1/me", {.cookie = token}).status == 200);

  // A session unused for over 30 days goes; the next purge finds nothing more.
  accounts.clock.advance(seconds(accounts::kSessionIdleSeconds + 1));
  counts = accounts::purge_expired(accounts.database(), now_of(accounts));
  CHECK(counts.sessions == 1);
  CHECK(counts.accounts == 1);  // 0911000003, never confirmed
  CHECK(accounts.count_rows("sessions") == 0);
  CHECK(accounts::purge_expired(accounts.database(), now_of(accounts)).total() == 0);
}

TEST_CASE("a failure that still counts, and a code just expired, are kept") {
  AccountsHarness accounts;
  register_unconfirmed(accounts, "0911000003");
  for (int i = 0; i < 3; ++i) {
    accounts.post("/api/v1/sessions", {{"phone", "0911000002"}, {"password", "guess"}});
  }
  accounts.clock.advance(seconds(20 * 60));
  const auto counts = accounts::purge_expired(accounts.database(), now_of(accounts));
  CHECK(counts.codes == 0);
  CHECK(counts.failures == 0);
  CHECK(accounts.post("/api/v1/accounts/verify", {{"phone", "0911000003"}, {"code", "000000"}})
            .body.find("code_expired") != std::string::npos);
}

TEST_CASE("only unconfirmed phone accounts older than 24 hours with nothing else are purged") {
  AccountsHarness accounts;
  soci::session sql(accounts.database().pool());
  // A table of another module that points at users, like feedback will.
  sql << "CREATE TABLE feedback_example (id BIGINT PRIMARY KEY, "
         "user_id BIGINT REFERENCES users (id))";

  register_unconfirmed(accounts, "0911000010");      // unconfirmed, nothing else: goes
  register_unconfirmed(accounts, "0911000011");      // unconfirmed but has feedback: stays
  accounts.create_account("0911000012", kPassword);  // confirmed: stays
  register_unconfirmed(accounts, "0911000013");      // unconfirmed with a VNeID link: stays
  long long with_feedback = 0;
  long long with_link = 0;
  sql << "SELECT id FROM users WHERE phone = '0911000011'", soci::into(with_feedback);
  sql << "SELECT id FROM users WHERE phone = '0911000013'", soci::into(with_link);
  sql << "INSERT INTO feedback_example (id, user_id) VALUES (1, :id)", soci::use(with_feedback);
  sql << "INSERT INTO vneid_links (user_id, so_dinh_danh, sub, issuer, ho_va_ten, linked_at) "
         "VALUES (:id, '001099000001', 'sub', 'https://vneid.example', 'Lục Văn Pao', 0)",
      soci::use(with_link);

  accounts.clock.advance(seconds(23 * 3600));
  CHECK(accounts::purge_expired(accounts.database(), now_of(accounts)).accounts == 0);
  accounts.clock.advance(seconds(3600 + 1));
  CHECK(accounts::purge_expired(accounts.database(), now_of(accounts)).accounts == 1);
  CHECK(accounts.count_rows("users", "phone = '0911000010'") == 0);
  CHECK(accounts.count_rows("users", "phone = '0911000011'") == 1);
  CHECK(accounts.count_rows("users", "phone = '0911000012'") == 1);
  CHECK(accounts.count_rows("users", "phone = '0911000013'") == 1);
  CHECK(accounts.count_rows("feedback_example") == 1);
  // The purged number may register again.
  register_unconfirmed(accounts, "0911000010");
}
