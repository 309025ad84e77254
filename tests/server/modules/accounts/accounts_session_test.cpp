// Signing in and out, /me and session expiry (the limits on guessing: accounts_throttle_test).
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "modules/accounts/access.h"
#include "modules/accounts/accounts_harness.h"
#include "modules/accounts/policy.h"
#include "modules/accounts/sessions.h"
#include "security/crypto.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;
using std::chrono::seconds;

namespace {

const std::string kPhone = "0987654321";
const std::string kPassword = "Non nuoc Cao Bang";
const std::string kWrongCredentials = "Số điện thoại hoặc mật khẩu không đúng.";

http::Response login(AccountsHarness& accounts, const std::string& phone,
                     const std::string& password, const CallOptions& options = {}) {
  return accounts.post("/api/v1/sessions", {{"phone", phone}, {"password", password}}, options);
}

}  // namespace

TEST_CASE("sign in with number and password; /me shows only the caller's own account") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword, "Nông Văn Dũng");
  accounts.create_account("0333444555", "Another password 1", "Lương Thị Mai");

  const auto response = login(accounts, "+84 987 654 321", kPassword);
  CHECK(response.status == 200);
  CHECK(body_of(response)["user"]["phone"] == kPhone);
  const auto token = session_token(response);
  REQUIRE(token);

  const auto me = accounts.get("/api/v1/me", {.cookie = *token});
  REQUIRE(me.status == 200);
  const json user = body_of(me)["user"];
  CHECK(user["full_name"] == "Nông Văn Dũng");
  CHECK(user["phone_masked"] == "098****321");
  CHECK(user["role"] == "citizen");
  CHECK(user["agency"].is_null());
  CHECK(user["vneid_verified"] == false);
  for (const char* field : {"id", "birth_date", "gender", "commune", "street", "email"}) {
    CHECK_MESSAGE(user.contains(field), field);
  }
  CHECK_FALSE(user.contains("password_hash"));
  CHECK(me.body.find("Lương Thị Mai") == std::string::npos);
  // /me renews the cookie, so a phone used at least monthly stays signed in.
  CHECK(session_token(me) == token);
}

TEST_CASE("only the token's hash is stored") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  CHECK(token.size() == 43);
  CHECK(accounts.count_rows("sessions", "token_hash = '" + token + "'") == 0);
  CHECK(accounts.count_rows("sessions", "token_hash = '" + security::sha256_hex(token) + "'") == 1);
  CHECK(accounts.count_rows("sessions", "user_agent = 'doctest' AND ip = '203.0.113.7'") == 1);
}

TEST_CASE("a forged or unknown cookie is not a session") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  CHECK(accounts.get("/api/v1/me", {.cookie = std::string(43, 'A')}).status == 401);
  CHECK(accounts.get("/api/v1/me", {.cookie = "' OR 1=1 --"}).status == 401);
}

TEST_CASE("the same 401 whether the number has an account or not") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  const auto wrong_password = login(accounts, kPhone, "not the password");
  const auto unknown_number = login(accounts, "0911222333", kPassword);
  CHECK(wrong_password.status == 401);
  CHECK(unknown_number.status == 401);
  CHECK(wrong_password.body == unknown_number.body);
  CHECK(body_of(wrong_password)["error"]["message"] == kWrongCredentials);
  CHECK_FALSE(session_token(wrong_password));
}

TEST_CASE("an unconfirmed account cannot sign in; a fresh code is sent") {
  AccountsHarness accounts;
  accounts.post("/api/v1/accounts/register",
                {{"full_name", "Lục Văn Pao"}, {"phone", kPhone}, {"password", kPassword}});
  accounts.clock.advance(seconds(90));
  const auto response = login(accounts, kPhone, kPassword);
  CHECK(response.status == 403);
  const json answer = body_of(response);
  CHECK(answer["error"]["code"] == "phone_not_verified");
  CHECK(answer["error"]["message"].get<std::string>().find("xác nhận") != std::string::npos);
  CHECK(answer["code_sent"] == true);
  CHECK_FALSE(session_token(response));
  CHECK(accounts.sms.sent_to(kPhone).size() == 2);
  // Right away again: no new text (throttled), still 403.
  const auto again = login(accounts, kPhone, kPassword);
  CHECK(again.status == 403);
  CHECK(body_of(again)["code_sent"] == false);
  CHECK(accounts.sms.sent_to(kPhone).size() == 2);
  // A wrong password does not reveal the pending account.
  CHECK(login(accounts, kPhone, "wrong password").status == 401);
}

TEST_CASE("sign out ends this session only; sign out everywhere ends them all") {
  AccountsHarness accounts;
  const std::string phone_session = accounts.create_account(kPhone, kPassword);
  const std::string laptop = accounts.sign_in(kPhone, kPassword);
  const std::string tablet = accounts.sign_in(kPhone, kPassword);

  const auto out = accounts.del("/api/v1/sessions/current", {.cookie = laptop});
  CHECK(out.status == 204);
  const std::string expired = set_cookie(out);
  CHECK(expired.starts_with("cdscb_session=;"));
  CHECK(expired.find("Max-Age=0") != std::string::npos);
  CHECK(accounts.get("/api/v1/me", {.cookie = laptop}).status == 401);
  CHECK(accounts.get("/api/v1/me", {.cookie = tablet}).status == 200);

  CHECK(accounts.del("/api/v1/sessions", {.cookie = tablet}).status == 204);
  CHECK(accounts.get("/api/v1/me", {.cookie = tablet}).status == 401);
  CHECK(accounts.get("/api/v1/me", {.cookie = phone_session}).status == 401);
  CHECK(accounts.count_rows("sessions") == 0);
  CHECK(accounts.del("/api/v1/sessions").status == 401);
  CHECK(accounts.del("/api/v1/sessions/current").status == 204);  // idempotent
}

TEST_CASE("a session idle for more than 30 days is over; use keeps it alive") {
  AccountsHarness accounts;
  const std::string used = accounts.create_account(kPhone, kPassword);
  const std::string idle = accounts.sign_in(kPhone, kPassword);
  for (int week = 0; week < 5; ++week) {
    accounts.clock.advance(seconds(7 * 24 * 3600));
    CHECK(accounts.get("/api/v1/me", {.cookie = used}).status == 200);
  }
  CHECK(accounts.get("/api/v1/me", {.cookie = idle}).status == 401);
  CHECK(accounts.count_rows("sessions") == 1);  // the idle one was deleted
}

TEST_CASE("last_seen_at is written at most once a minute") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  const auto last_seen = [&] {
    soci::session sql(accounts.database().pool());
    long long value = 0;
    sql << "SELECT last_seen_at FROM sessions", soci::into(value);
    return value;
  };
  const long long start = last_seen();
  accounts.clock.advance(seconds(30));
  accounts.get("/api/v1/me", {.cookie = token});
  CHECK(last_seen() == start);
  accounts.clock.advance(seconds(31));
  accounts.get("/api/v1/me", {.cookie = token});
  CHECK(last_seen() == start + 61);
}

TEST_CASE("sign-in field rules") {
  AccountsHarness accounts;
  const auto response = accounts.post("/api/v1/sessions", {{"phone", "12"}, {"password", ""}});
  CHECK(response.status == 422);
  const json fields = body_of(response)["error"]["fields"];
  CHECK(fields["phone"].get<std::string>().starts_with("Số điện thoại không hợp lệ"));
  CHECK(fields["password"] == "Vui lòng nhập mật khẩu.");
  CHECK(accounts.count_rows("login_failures") == 0);
}

TEST_CASE("require_user knows the signed-in citizen; the accounts policy keeps them out") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  const accounts::Sessions sessions(accounts.database(), {.now = accounts.clock.function()});
  http::Request request = make_request("GET", "/api/v1/feedback/queue");
  request.headers.add("Cookie", "cdscb_session=" + token);
  CHECK(sessions.require_user(request).phone == kPhone);
  const accounts::AuthUser user = sessions.require_user(request);
  CHECK(user.role == core::Role::kCitizen);
  CHECK_FALSE(accounts::may_manage_accounts(user));
  try {
    accounts::require(accounts::may_manage_accounts(user));
    FAIL("a citizen passed an admin check");
  } catch (const http::HttpError& e) {
    CHECK(e.response().status == 403);
  }
  http::Request anonymous = make_request("GET", "/api/v1/feedback/queue");
  CHECK_FALSE(sessions.authenticate(anonymous));
  CHECK_THROWS_AS(sessions.require_user(anonymous), http::HttpError);
}
