// Password guesses sent at once, on SQLite and PostgreSQL: the throttle counts each before it is
// checked, so no more pass than one by one would.
#include <doctest/doctest.h>

#include "modules/accounts/login_throttle.h"
#include "modules/accounts_harness.h"
#include "modules/concurrency_support.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

constexpr int kClients = 12;
const std::string kPhone = "0987654321";
const std::string kPassword = "Non nuoc Cao Bang 1";

// At a standing clock the slow-down refuses every try after the first few failures.
void check_guesses(const std::vector<http::Response>& answers, AccountsHarness& h) {
  CHECK(count_status(answers, 401) == accounts::kSlowDownAfterFailures);
  CHECK(count_status(answers, 429) == kClients - accounts::kSlowDownAfterFailures);
  CHECK(h.count_rows("login_failures", "phone = '" + kPhone + "'") ==
        accounts::kSlowDownAfterFailures);
  for (const auto& answer : answers) {
    if (answer.status == 429) CHECK(body_of(answer)["error"]["code"] == "too_many_attempts");
  }
}

}  // namespace

TEST_CASE("wrong passwords sent at once to sign in: no more tried than the limit") {
  for_each_database(kClients, [](db::Database& database) {
    AccountsHarness h(database, "");
    h.create_account(kPhone, kPassword);
    const auto answers = at_once(kClients, [&](int i) {
      return h.post("/api/v1/sessions",
                    {{"phone", kPhone}, {"password", "sai mat khau " + std::to_string(i)}});
    });
    check_guesses(answers, h);
    for (const auto& answer : answers) {
      if (answer.status == 401) CHECK(body_of(answer)["error"]["code"] == "invalid_credentials");
    }
    // The right password once the wait is over.
    h.clock.advance(std::chrono::seconds(accounts::kLockoutSeconds + 1));
    CHECK(h.post("/api/v1/sessions", {{"phone", kPhone}, {"password", kPassword}}).status == 200);
    CHECK(h.count_rows("login_failures", "phone = '" + kPhone + "'") == 0);
  });
}

TEST_CASE("wrong current passwords sent at once to change it: no more tried than the limit") {
  for_each_database(kClients, [](db::Database& database) {
    AccountsHarness h(database, "");
    const std::string session = h.create_account(kPhone, kPassword);
    const auto answers = at_once(kClients, [&](int i) {
      return h.call("PUT", "/api/v1/me/password",
                    json{{"current_password", "sai mat khau " + std::to_string(i)},
                         {"new_password", "Mat khau moi that dai 2026"}}
                        .dump(),
                    {.cookie = session});
    });
    check_guesses(answers, h);
    for (const auto& answer : answers) {
      if (answer.status == 401) {
        CHECK(body_of(answer)["error"]["fields"]["current_password"] ==
              "Mật khẩu hiện tại không đúng.");
      }
    }
  });
}
