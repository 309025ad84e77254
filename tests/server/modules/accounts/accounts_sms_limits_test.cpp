// The per-address limit on text messages: one address cannot have codes texted to many numbers.
#include <doctest/doctest.h>

#include "modules/accounts/accounts_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;
using std::chrono::seconds;

namespace {

const std::string kPassword = "Non nuoc Cao Bang";
const CallOptions kSender{.cookie = "", .ip = "198.51.100.20"};

std::string number(int i) { return "093000" + std::to_string(1000 + i); }

http::Response register_number(AccountsHarness& accounts, const std::string& phone,
                               const CallOptions& options = kSender) {
  return accounts.post("/api/v1/accounts/register",
                       {{"full_name", "Hoàng Văn Nam"}, {"phone", phone}, {"password", kPassword}},
                       options);
}

void check_address_limited(const http::Response& response, long long retry_after) {
  CHECK(response.status == 429);
  const json body = body_of(response);
  CHECK(body["error"]["code"] == "too_many_requests");
  CHECK(body["error"]["message"] ==
        "Có quá nhiều yêu cầu gửi mã xác nhận từ mạng của bạn. Vui "
        "lòng thử lại sau " +
            std::to_string((retry_after + 59) / 60) + " phút.");
  CHECK(body["retry_after"] == retry_after);
  CHECK(body["error"]["retry_after"] == retry_after);
  CHECK(response.headers.get("Retry-After") == std::to_string(retry_after));
}

}  // namespace

TEST_CASE("one address has codes texted to at most 10 different numbers an hour") {
  AccountsHarness accounts;
  for (int i = 0; i < 10; ++i) {
    CHECK(register_number(accounts, number(i)).status == 201);
    accounts.clock.advance(seconds(10));
  }
  // The 11th number: refused until the first text is an hour old; nothing stored or sent.
  check_address_limited(register_number(accounts, number(10)), 3600 - 100);
  CHECK(accounts.count_rows("users", "phone = '" + number(10) + "'") == 0);
  CHECK(accounts.sms.sent_to(number(10)).empty());
  CHECK(accounts.sms.count() == 10);

  // A number already texted from this address this hour may get its code again.
  CHECK(
      accounts
          .post("/api/v1/accounts/resend", {{"phone", number(3)}, {"purpose", "register"}}, kSender)
          .status == 202);
  // Another address is not affected.
  CHECK(register_number(accounts, number(10), {.cookie = "", .ip = "203.0.113.50"}).status == 201);

  accounts.clock.advance(seconds(3600 - 100));
  CHECK(register_number(accounts, number(11)).status == 201);
}

TEST_CASE("password resets count against the address alike, with or without an account") {
  AccountsHarness accounts;
  accounts.create_account(number(0), kPassword);
  for (int i = 1; i <= 10; ++i) {
    CHECK(accounts.post("/api/v1/password-resets", {{"phone", number(i)}}, kSender).status == 202);
  }
  accounts.clock.advance(seconds(60));  // past number(0)'s own 60 s since its registration
  const auto known = accounts.post("/api/v1/password-resets", {{"phone", number(0)}}, kSender);
  check_address_limited(known, 3600 - 60);
  const auto unknown = accounts.post("/api/v1/password-resets", {{"phone", number(20)}}, kSender);
  CHECK(unknown.body == known.body);
  CHECK(accounts.sms.sent_to(number(0)).size() == 1);  // the registration code only
}

TEST_CASE("an unconfirmed sign-in past the address limit sends no code") {
  AccountsHarness accounts;
  const CallOptions other{.cookie = "", .ip = "203.0.113.60"};
  CHECK(register_number(accounts, number(0), other).status == 201);
  for (int i = 1; i <= 10; ++i) register_number(accounts, number(i));
  accounts.clock.advance(seconds(120));
  const auto response =
      accounts.post("/api/v1/sessions", {{"phone", number(0)}, {"password", kPassword}}, kSender);
  CHECK(response.status == 403);
  CHECK(body_of(response)["code_sent"] == false);
  CHECK(accounts.sms.sent_to(number(0)).size() == 1);
}
