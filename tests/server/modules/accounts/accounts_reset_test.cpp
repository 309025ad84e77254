// Forgotten password: a code by text message, then a new password.
#include <doctest/doctest.h>

#include "core/accounts.h"
#include "modules/accounts/accounts_harness.h"
#include "util/vietnamese.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;
using std::chrono::seconds;

namespace {

const std::string kPhone = "0356789012";
const std::string kPassword = "Ban Gioc waterfall";
const std::string kNewPassword = "Pac Bo cave 1941";

json confirmation(const std::string& code, const std::string& password) {
  return {{"phone", kPhone}, {"code", code}, {"new_password", password}};
}

}  // namespace

TEST_CASE("reset: code by text, new password, every session ended, lockout cleared") {
  AccountsHarness accounts;
  const std::string old_session = accounts.create_account(kPhone, kPassword);
  for (int i = 0; i < 5; ++i) {
    CHECK(accounts.post("/api/v1/sessions", {{"phone", kPhone}, {"password", "guess"}}).status ==
          401);
    accounts.clock.advance(seconds(20));  // past the slow-down
  }
  CHECK(accounts.post("/api/v1/sessions", {{"phone", kPhone}, {"password", kPassword}}).status ==
        429);

  accounts.clock.advance(seconds(60));
  const auto requested = accounts.post("/api/v1/password-resets", {{"phone", "0356 789 012"}});
  CHECK(requested.status == 202);
  CHECK(body_of(requested)["phone_masked"] == "035****012");
  const auto texts = accounts.sms.sent_to(kPhone);
  REQUIRE(texts.size() == 2);
  CHECK(texts.back().text.starts_with("Mã đặt lại mật khẩu Công dân số Cao Bằng của bạn là "));
  const std::string code = accounts.sms.last_code(kPhone);

  const auto confirmed =
      accounts.post("/api/v1/password-resets/confirm", confirmation(code, kNewPassword));
  CHECK(confirmed.status == 204);
  CHECK(accounts.get("/api/v1/me", {.cookie = old_session}).status == 401);
  CHECK(accounts.count_rows("sessions") == 0);
  CHECK(accounts.post("/api/v1/sessions", {{"phone", kPhone}, {"password", kPassword}}).status ==
        401);
  CHECK(accounts.post("/api/v1/sessions", {{"phone", kPhone}, {"password", kNewPassword}}).status ==
        200);
  // The code is used up.
  CHECK(accounts.post("/api/v1/password-resets/confirm", confirmation(code, "Yet another one 2"))
            .status == 422);
}

TEST_CASE("a reset request for a number without an account looks the same and sends nothing") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  const std::size_t sent = accounts.sms.count();
  const auto unknown = accounts.post("/api/v1/password-resets", {{"phone", "0399999999"}});
  CHECK(unknown.status == 202);
  CHECK(accounts.sms.count() == sent);
  accounts.clock.advance(seconds(60));
  const auto known = accounts.post("/api/v1/password-resets", {{"phone", kPhone}});
  CHECK(known.status == 202);
  CHECK(accounts.sms.count() == sent + 1);
  CHECK(json::parse(unknown.body).size() == json::parse(known.body).size());

  // Within the throttle: 429 with retry_after, the same for numbers with and without an account.
  accounts.clock.advance(seconds(15));
  const auto again = accounts.post("/api/v1/password-resets", {{"phone", kPhone}});
  CHECK(again.status == 429);
  CHECK(body_of(again)["error"]["code"] == "too_many_requests");
  CHECK(body_of(again)["error"]["message"] ==
        "Bạn vừa yêu cầu mã. Vui lòng chờ 45 giây rồi thử lại.");
  CHECK(body_of(again)["retry_after"] == 45);
  CHECK(body_of(again)["error"]["retry_after"] == 45);
  CHECK(again.headers.get("Retry-After") == "45");
  CHECK(accounts.sms.count() == sent + 1);
  CHECK(accounts.post("/api/v1/password-resets", {{"phone", "0399999999"}}).status == 202);
  accounts.clock.advance(seconds(15));
  const auto again_unknown = accounts.post("/api/v1/password-resets", {{"phone", "0399999999"}});
  CHECK(again_unknown.status == 429);
  CHECK(again_unknown.body == again.body);
  CHECK(accounts.sms.count() == sent + 1);
  // The resend endpoint throttles numbers with and without an account alike.
  const auto resend_known =
      accounts.post("/api/v1/accounts/resend", {{"phone", kPhone}, {"purpose", "reset"}});
  const auto resend_unknown =
      accounts.post("/api/v1/accounts/resend", {{"phone", "0399999999"}, {"purpose", "reset"}});
  CHECK(resend_known.status == 429);
  CHECK(resend_unknown.status == 429);
}

TEST_CASE("an unconfirmed account gets no reset code") {
  AccountsHarness accounts;
  accounts.post("/api/v1/accounts/register",
                {{"full_name", "Hà Văn Khánh"}, {"phone", kPhone}, {"password", kPassword}});
  accounts.clock.advance(seconds(60));
  CHECK(accounts.post("/api/v1/password-resets", {{"phone", kPhone}}).status == 202);
  CHECK(accounts.sms.sent_to(kPhone).size() == 1);  // only the registration code
}

TEST_CASE("reset confirmation checks the new password and the code") {
  AccountsHarness accounts;
  accounts.create_account(kPhone, kPassword);
  accounts.clock.advance(seconds(60));
  accounts.post("/api/v1/password-resets", {{"phone", kPhone}});
  const std::string code = accounts.sms.last_code(kPhone);

  const auto weak =
      accounts.post("/api/v1/password-resets/confirm", confirmation(code, "12345678"));
  CHECK(weak.status == 422);
  CHECK(body_of(weak)["error"]["fields"]["new_password"] ==
        util::vietnamese(core::kPasswordCommon));
  // A refused password does not use up a try.
  const std::string wrong = code == "999999" ? "888888" : "999999";
  const auto bad_code =
      accounts.post("/api/v1/password-resets/confirm", confirmation(wrong, kNewPassword));
  CHECK(bad_code.status == 422);
  CHECK(body_of(bad_code)["remaining_attempts"] == 4);

  accounts.clock.advance(seconds(301));
  const auto expired =
      accounts.post("/api/v1/password-resets/confirm", confirmation(code, kNewPassword));
  CHECK(body_of(expired)["error"]["code"] == "code_expired");
  CHECK(accounts.post("/api/v1/sessions", {{"phone", kPhone}, {"password", kPassword}}).status ==
        200);
}

TEST_CASE("a registration code cannot reset a password") {
  AccountsHarness accounts;
  accounts.post("/api/v1/accounts/register",
                {{"full_name", "Hà Văn Khánh"}, {"phone", kPhone}, {"password", kPassword}});
  const std::string code = accounts.sms.last_code(kPhone);
  CHECK(accounts.post("/api/v1/password-resets/confirm", confirmation(code, kNewPassword)).status ==
        422);
}
