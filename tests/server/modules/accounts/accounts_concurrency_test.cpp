// Password and code guesses sent at once, on SQLite and PostgreSQL: the throttle counts each
// before it is checked, so no more pass than one by one would.
#include <doctest/doctest.h>

#include <set>

#include "modules/accounts/accounts_harness.h"
#include "modules/accounts/codes.h"
#include "modules/accounts/login_throttle.h"
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

// Six digits that are not `code`, different for each i.
std::string wrong_code(const std::string& code, int i) {
  std::string guess = std::to_string(100000 + i);
  if (guess == code) guess = std::to_string(200000 + i);
  return guess;
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

TEST_CASE("wrong codes sent at once to confirm a number: no more tried than the code allows") {
  for_each_database(kClients, [](db::Database& database) {
    AccountsHarness h(database, "");
    REQUIRE(h.post("/api/v1/accounts/register",
                   {{"full_name", "Bế Văn An"}, {"phone", kPhone}, {"password", kPassword}})
                .status == 201);
    const std::string code = h.sms.last_code(kPhone);
    const auto answers = at_once(kClients, [&](int i) {
      return h.post("/api/v1/accounts/verify", {{"phone", kPhone}, {"code", wrong_code(code, i)}});
    });
    CHECK(count_status(answers, 422) == kClients);
    // Each try counted once: the first four hear how many are left, all the others that none is.
    std::multiset<int> left;
    int exceeded = 0;
    for (const auto& answer : answers) {
      const json body = body_of(answer);
      if (body["error"]["code"] == "code_invalid")
        left.insert(body["remaining_attempts"].get<int>());
      if (body["error"]["code"] == "code_attempts_exceeded") ++exceeded;
    }
    CHECK(left == std::multiset<int>{1, 2, 3, 4});
    CHECK(exceeded == kClients - (accounts::kMaxCodeAttempts - 1));
    // The right code comes too late: the five tries are spent.
    const auto late = h.post("/api/v1/accounts/verify", {{"phone", kPhone}, {"code", code}});
    CHECK(late.status == 422);
    CHECK(body_of(late)["error"]["code"] == "code_attempts_exceeded");
    CHECK(h.count_rows("sessions") == 0);
  });
}

TEST_CASE("the right reset code sent at once: it is used once") {
  for_each_database(kClients, [](db::Database& database) {
    AccountsHarness h(database, "");
    h.create_account(kPhone, kPassword);
    h.clock.advance(std::chrono::seconds(accounts::kResendInterval + 1));
    REQUIRE(h.post("/api/v1/password-resets", {{"phone", kPhone}}).status == 202);
    const std::string code = h.sms.last_code(kPhone);
    const auto answers = at_once(kClients, [&](int i) {
      return h.post("/api/v1/password-resets/confirm",
                    {{"phone", kPhone},
                     {"code", code},
                     {"new_password", "Mat khau moi so " + std::to_string(i) + " 2026"}});
    });
    REQUIRE(count_status(answers, 204) == 1);
    CHECK(count_status(answers, 422) == kClients - 1);
    // The password is the one the accepted request set.
    int accepted = 0;
    while (answers[accepted].status != 204) ++accepted;
    const std::string chosen = "Mat khau moi so " + std::to_string(accepted) + " 2026";
    CHECK(h.post("/api/v1/sessions", {{"phone", kPhone}, {"password", chosen}}).status == 200);
  });
}
