// The limits on password guessing: slow down, then lock the number, and the per-address limit.
#include <doctest/doctest.h>

#include <utility>
#include <vector>

#include "modules/accounts/accounts_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;
using std::chrono::seconds;

namespace {

const std::string kPhone = "0987654321";
const std::string kPassword = "Non nuoc Cao Bang";
const std::string kLocked15 =
    "Số điện thoại tạm khóa đăng nhập 15 phút do nhập sai nhiều lần. Vui lòng thử lại sau 15 "
    "phút.";

http::Response login(AccountsHarness& accounts, const std::string& phone,
                     const std::string& password, const CallOptions& options = {}) {
  return accounts.post("/api/v1/sessions", {{"phone", phone}, {"password", password}}, options);
}

// A 429 of the login throttle, as the caller sees it.
void check_throttled(const http::Response& response, long long retry_after,
                     const std::string& message) {
  CHECK(response.status == 429);
  const json body = body_of(response);
  CHECK(body["error"]["code"] == "too_many_attempts");
  CHECK(body["error"]["message"] == message);
  CHECK(body["error"]["retry_after"] == retry_after);
  CHECK(body["retry_after"] == retry_after);
  CHECK(response.headers.get("Retry-After") == std::to_string(retry_after));
  CHECK_FALSE(session_token(response));
}

std::string wait_message(int seconds) {
  return "Bạn đã nhập sai mật khẩu nhiều lần. Vui lòng chờ " + std::to_string(seconds) +
         " giây rồi thử lại.";
}

}  // namespace

TEST_CASE("after 3 failures each try waits 2^n seconds, even with the right password") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  for (int i = 0; i < 3; ++i) CHECK(login(accounts, kPhone, "guess").status == 401);
  check_throttled(login(accounts, kPhone, kPassword), 8, wait_message(8));
  accounts.clock.advance(seconds(5));
  check_throttled(login(accounts, kPhone, kPassword), 3, wait_message(3));
  accounts.clock.advance(seconds(3));
  CHECK(login(accounts, kPhone, "guess").status == 401);  // the 4th failure
  check_throttled(login(accounts, kPhone, "guess"), 16, wait_message(16));
  accounts.clock.advance(seconds(16));
  CHECK(login(accounts, kPhone, kPassword).status == 200);
}

TEST_CASE("tries refused by the slow-down are not checked and not counted") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  for (int i = 0; i < 3; ++i) login(accounts, kPhone, "guess");
  for (int i = 0; i < 10; ++i) CHECK(login(accounts, kPhone, "guess").status == 429);
  CHECK(accounts.count_rows("login_failures") == 3);
  accounts.clock.advance(seconds(8));
  CHECK(login(accounts, kPhone, kPassword).status == 200);
  CHECK(accounts.count_rows("login_failures") == 0);
}

TEST_CASE("the 5th failure locks the number for 15 minutes, and the message says so") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  for (int i = 0; i < 5; ++i) {
    CHECK(login(accounts, kPhone, "guess " + std::to_string(i)).status == 401);
    accounts.clock.advance(seconds(30));
  }
  // Locked from the last failure (30 s ago), even with the right password.
  check_throttled(login(accounts, kPhone, kPassword), 15 * 60 - 30, kLocked15);

  accounts.clock.advance(seconds(10 * 60));
  check_throttled(login(accounts, kPhone, kPassword), 5 * 60 - 30,
                  "Số điện thoại tạm khóa đăng nhập 15 phút do nhập sai nhiều lần. Vui lòng "
                  "thử lại sau 5 phút.");

  accounts.clock.advance(seconds(5 * 60));
  CHECK(login(accounts, kPhone, kPassword).status == 200);
  // Success cleared the failures: one more wrong try is only a 401.
  CHECK(login(accounts, kPhone, "wrong again").status == 401);
}

TEST_CASE("a number with and without an account sees exactly the same answers") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  const auto attempts = [&](const std::string& phone) {
    std::vector<std::pair<int, std::string>> seen;
    for (const int wait : {0, 0, 0, 0, 8, 0, 16, 0, 60}) {
      accounts.clock.advance(seconds(wait));
      const auto response = login(accounts, phone, "not the password");
      seen.emplace_back(response.status, response.body);
    }
    return seen;
  };
  const auto known = attempts(kPhone);
  const auto unknown = attempts("0911222333");
  CHECK(known == unknown);
  CHECK(known.front().first == 401);
  CHECK(json::parse(known.front().second)["error"]["message"] ==
        "Số điện thoại hoặc mật khẩu không đúng.");
  CHECK(known.back().first == 429);
  CHECK(json::parse(known.back().second)["error"]["message"] ==
        "Số điện thoại tạm khóa đăng nhập 15 phút do nhập sai nhiều lần. Vui lòng thử lại sau 14 "
        "phút.");
}

TEST_CASE("failures spread over more than 15 minutes do not lock") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  for (int i = 0; i < 5; ++i) {
    CHECK(login(accounts, kPhone, "guess").status == 401);
    accounts.clock.advance(seconds(4 * 60));
  }
  CHECK(login(accounts, kPhone, kPassword).status == 200);
}

TEST_CASE("a successful login clears the number's failures") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  for (int i = 0; i < 3; ++i) login(accounts, kPhone, "guess");
  accounts.clock.advance(seconds(8));
  CHECK(login(accounts, kPhone, kPassword).status == 200);
  for (int i = 0; i < 3; ++i) CHECK(login(accounts, kPhone, "guess").status == 401);
}

TEST_CASE("one address guessing across many numbers is stopped after 20 failures") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  const CallOptions sprayer{.cookie = "", .ip = "198.51.100.9"};
  for (int i = 0; i < 20; ++i) {
    const std::string phone = "09100000" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    CHECK(login(accounts, phone, "Password!1", sprayer).status == 401);
    accounts.clock.advance(seconds(1));
  }
  check_throttled(login(accounts, kPhone, kPassword, sprayer), 15 * 60 - 20,
                  "Có quá nhiều lần đăng nhập sai từ mạng của bạn. Vui lòng thử lại sau 15 phút.");
  // Another address is not affected; the same /64 of IPv6 counts as one address.
  CHECK(login(accounts, kPhone, kPassword, {.cookie = "", .ip = "203.0.113.50"}).status == 200);
  for (int i = 0; i < 20; ++i) {
    const std::string phone = "09200000" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    login(accounts, phone, "Password!1",
          {.cookie = "", .ip = "2001:db8:1:2::" + std::to_string(i + 1)});
  }
  CHECK(login(accounts, kPhone, kPassword, {.cookie = "", .ip = "2001:db8:1:2:ffff::1"}).status ==
        429);
  accounts.clock.advance(seconds(15 * 60));
  CHECK(login(accounts, kPhone, kPassword, sprayer).status == 200);
}
