// Registration with a phone number: field rules, the confirmation code, resending it.
#include <doctest/doctest.h>

#include "core/accounts.h"
#include "modules/accounts/accounts_harness.h"
#include "modules/accounts/messages.h"
#include "util/vietnamese.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;
namespace messages = cdscb::server::accounts::messages;

namespace {

const std::string kPhone = "0912345678";
const std::string kPassword = "Thac Ban Gioc 2025";

json registration(std::string full_name, std::string phone, std::string password) {
  return {{"full_name", full_name}, {"phone", phone}, {"password", password}};
}

// A 422 naming `field` with `message`, and nothing stored or sent.
void check_refused(AccountsHarness& accounts, const json& body, const std::string& field,
                   std::string_view message) {
  const auto response = accounts.post("/api/v1/accounts/register", body);
  CHECK(response.status == 422);
  const json answer = body_of(response);
  CHECK(answer["error"]["code"] == "validation_failed");
  CHECK(answer["error"]["fields"][field] == util::vietnamese(message));
  CHECK(accounts.count_rows("users") == 0);
  CHECK(accounts.count_rows("verification_codes") == 0);
  CHECK(accounts.sms.count() == 0);
}

}  // namespace

TEST_CASE("every field rule answers 422 with that field's message and stores nothing") {
  AccountsHarness accounts;
  check_refused(accounts, registration("", kPhone, kPassword), "full_name", core::kNameRequired);
  check_refused(accounts, registration("A", kPhone, kPassword), "full_name", core::kNameTooShort);
  check_refused(accounts, registration(std::string(101, 'a'), kPhone, kPassword), "full_name",
                core::kNameTooLong);
  check_refused(accounts, registration("Nguyễn Văn 3", kPhone, kPassword), "full_name",
                core::kNameInvalidCharacters);
  check_refused(accounts,
                registration("Ho\xCC\x80"
                             "a An",
                             kPhone, kPassword),
                "full_name", core::kNameCombiningMarks);
  check_refused(accounts, registration("Hoàng An", "", kPassword), "phone", core::kPhoneRequired);
  check_refused(accounts, registration("Hoàng An", "0212345678", kPassword), "phone",
                core::kPhoneInvalid);
  check_refused(accounts, registration("Hoàng An", kPhone, ""), "password",
                core::kPasswordRequired);
  check_refused(accounts, registration("Hoàng An", kPhone, "ngan"), "password",
                "Mật khẩu phải có ít nhất 8 ký tự.");
  check_refused(accounts, registration("Hoàng An", kPhone, std::string(129, 'x')), "password",
                core::kPasswordTooLong);
  check_refused(accounts, registration("Hoàng An", kPhone, "MatKhau123"), "password",
                "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.");
  check_refused(accounts, registration("Hoàng An", "+84 912 345 678", "pw0912345678"), "password",
                core::kPasswordContainsPhone);
}

TEST_CASE("several wrong fields are reported together") {
  AccountsHarness accounts;
  const auto response = accounts.post("/api/v1/accounts/register", registration("", "123", "x"));
  CHECK(response.status == 422);
  const json fields = body_of(response)["error"]["fields"];
  CHECK(fields.size() == 3);
  CHECK(fields.contains("full_name"));
  CHECK(fields.contains("phone"));
  CHECK(fields.contains("password"));
}

TEST_CASE("a body of the wrong shape is refused and nothing is stored") {
  AccountsHarness accounts;
  const auto code_of = [&](const std::string& body) {
    const auto response = accounts.call("POST", "/api/v1/accounts/register", body);
    return std::pair(response.status, body_of(response)["error"]["code"].get<std::string>());
  };
  CHECK(code_of("not json") == std::pair(400, std::string("invalid_json")));
  CHECK(code_of("") == std::pair(400, std::string("invalid_json")));
  CHECK(code_of("[1,2]") == std::pair(400, std::string("invalid_body")));
  CHECK(code_of("\"0912345678\"") == std::pair(400, std::string("invalid_body")));
  CHECK(code_of(R"({"full_name":"An Bình","phone":912345678,"password":"abcdefgh1"})") ==
        std::pair(422, std::string("validation_failed")));
  CHECK(code_of(R"({"full_name":["An"],"phone":"0912345678","password":"abcdefgh1"})") ==
        std::pair(422, std::string("validation_failed")));
  CHECK(code_of(R"({"full_name":"An Bình","phone":"0912345678","password":{"a":1}})") ==
        std::pair(422, std::string("validation_failed")));
  CHECK(code_of(R"({"full_name":"An Bình","phone":"0912345678","password":"abcdefgh1")") ==
        std::pair(400, std::string("invalid_json")));
  CHECK(code_of(std::string(20 * 1024, ' ') + "{}") ==
        std::pair(413, std::string("payload_too_large")));
  CHECK(accounts.count_rows("users") == 0);
  CHECK(accounts.sms.count() == 0);
}

TEST_CASE("a field of the wrong type gets a message by that field") {
  AccountsHarness accounts;
  const auto response =
      accounts.call("POST", "/api/v1/accounts/register",
                    R"({"full_name":"An Bình","phone":912345678,"password":"Thac Ban Gioc"})");
  CHECK(body_of(response)["error"]["fields"]["phone"] == "Giá trị của ô này phải là chữ.");
}

TEST_CASE("invalid UTF-8 is refused with a clear message and nothing is stored") {
  AccountsHarness accounts;
  const auto response = accounts.call("POST", "/api/v1/accounts/register",
                                      "{\"full_name\":\"Nguy\xE1\xBB\",\"phone\":\"0912345678\","
                                      "\"password\":\"Thac Ban Gioc\"}");
  CHECK(response.status == 400);
  const json answer = body_of(response);
  CHECK(answer["error"]["code"] == "invalid_encoding");
  CHECK(answer["error"]["message"].get<std::string>().find("UTF-8") != std::string::npos);
  // A lone surrogate escape is not text either.
  const auto surrogate =
      accounts.call("POST", "/api/v1/accounts/register",
                    R"({"full_name":"An \udc00","phone":"0912345678","password":"Thac Ban Gioc"})");
  CHECK(surrogate.status == 400);
  CHECK(accounts.count_rows("users") == 0);
}

TEST_CASE("register, confirm with the texted code, then the session cookie opens /me") {
  AccountsHarness accounts;
  const auto registered =
      accounts.post("/api/v1/accounts/register",
                    registration("  Nông   Thị Hồng ", "+84 912.345.678", kPassword));
  REQUIRE(registered.status == 201);
  const json answer = body_of(registered);
  CHECK(answer["phone_masked"] == "091****678");
  CHECK(answer["expires_in"] == 300);
  CHECK(answer["resend_in"] == 60);
  CHECK(accounts.count_rows("users", "phone = '0912345678' AND phone_verified_at IS NULL") == 1);

  const auto texts = accounts.sms.sent_to(kPhone);
  REQUIRE(texts.size() == 1);
  const std::string code = accounts.sms.last_code(kPhone);
  CHECK(texts[0].text == "Mã xác nhận Công dân số Cao Bằng của bạn là " + code +
                             ". Mã có hiệu lực trong 5 phút. Không chia sẻ mã này cho bất kỳ ai.");
  // Only the code's hash is stored.
  CHECK(accounts.count_rows("verification_codes", "code_hash = '" + code + "'") == 0);

  const auto verified =
      accounts.post("/api/v1/accounts/verify", {{"phone", "0912 345 678"}, {"code", code}});
  REQUIRE(verified.status == 200);
  const json user = body_of(verified)["user"];
  CHECK(user["full_name"] == "Nông Thị Hồng");
  CHECK(user["phone"] == kPhone);
  CHECK(user["role"] == "citizen");
  const std::string cookie = set_cookie(verified);
  CHECK(cookie.find("; HttpOnly") != std::string::npos);
  CHECK(cookie.find("; SameSite=Lax") != std::string::npos);
  CHECK(cookie.find("; Path=/") != std::string::npos);
  CHECK(cookie.find("; Max-Age=2592000") != std::string::npos);
  CHECK(cookie.find("Secure") == std::string::npos);  // no https public origin here

  const auto token = session_token(verified);
  REQUIRE(token);
  const auto me = accounts.get("/api/v1/me", {.cookie = *token});
  CHECK(me.status == 200);
  CHECK(body_of(me)["user"]["full_name"] == "Nông Thị Hồng");
  const auto anonymous = accounts.get("/api/v1/me");
  CHECK(anonymous.status == 401);
  CHECK(body_of(anonymous)["error"]["message"] == "Vui lòng đăng nhập.");
  CHECK(accounts.count_rows("users", "phone_verified_at IS NOT NULL") == 1);
  CHECK(accounts.count_rows("verification_codes") == 0);  // a used code is gone
}

TEST_CASE("the session cookie is Secure when the public origin is https") {
  AccountsHarness accounts("https://congdanso.caobang.gov.vn");
  accounts.post("/api/v1/accounts/register", registration("Lý Văn Tài", kPhone, kPassword));
  const auto verified = accounts.post(
      "/api/v1/accounts/verify", {{"phone", kPhone}, {"code", accounts.sms.last_code(kPhone)}});
  REQUIRE(verified.status == 200);
  const std::string cookie = set_cookie(verified);
  CHECK(cookie.find("; Secure") != std::string::npos);
  CHECK(cookie.find("; HttpOnly") != std::string::npos);
}

TEST_CASE("a confirmed number cannot register again; an unconfirmed one can") {
  AccountsHarness accounts;
  CHECK(accounts.post("/api/v1/accounts/register", registration("Bế Văn An", kPhone, kPassword))
            .status == 201);
  accounts.clock.advance(std::chrono::seconds(61));
  const auto again = accounts.post("/api/v1/accounts/register",
                                   registration("Bế Thị Bình", kPhone, "mat khau moi 2"));
  CHECK(again.status == 201);
  CHECK(accounts.count_rows("users") == 1);
  CHECK(accounts.sms.sent_to(kPhone).size() == 2);
  const auto verified = accounts.post(
      "/api/v1/accounts/verify", {{"phone", kPhone}, {"code", accounts.sms.last_code(kPhone)}});
  CHECK(body_of(verified)["user"]["full_name"] == "Bế Thị Bình");
  CHECK(accounts.post("/api/v1/sessions", {{"phone", kPhone}, {"password", "mat khau moi 2"}})
            .status == 200);

  accounts.clock.advance(std::chrono::seconds(61));
  const auto taken =
      accounts.post("/api/v1/accounts/register", registration("Kẻ Khác", kPhone, kPassword));
  CHECK(taken.status == 409);
  CHECK(body_of(taken)["error"]["code"] == "phone_taken");
  CHECK(body_of(taken)["error"]["message"] ==
        "Số điện thoại này đã có tài khoản. Hãy đăng nhập hoặc lấy lại mật khẩu.");
  CHECK(accounts.sms.sent_to(kPhone).size() == 2);
}

TEST_CASE("registering again within a minute is throttled and changes nothing") {
  AccountsHarness accounts;
  accounts.post("/api/v1/accounts/register", registration("Bế Văn An", kPhone, kPassword));
  accounts.clock.advance(std::chrono::seconds(10));
  const auto again = accounts.post("/api/v1/accounts/register",
                                   registration("Người Khác", kPhone, "mat khau khac"));
  CHECK(again.status == 429);
  CHECK(body_of(again)["retry_after"] == 50);
  CHECK(accounts.count_rows("users", "full_name = 'Bế Văn An'") == 1);
}

TEST_CASE("a wrong code says how many tries are left; the fifth kills the code") {
  AccountsHarness accounts;
  accounts.post("/api/v1/accounts/register", registration("Đàm Văn Lực", kPhone, kPassword));
  const std::string code = accounts.sms.last_code(kPhone);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  for (int left = 4; left >= 1; --left) {
    const auto response =
        accounts.post("/api/v1/accounts/verify", {{"phone", kPhone}, {"code", wrong}});
    CHECK(response.status == 422);
    const json error = body_of(response);
    CHECK(error["remaining_attempts"] == left);
    CHECK(error["error"]["fields"]["code"] ==
          "Mã xác nhận không đúng. Bạn còn " + std::to_string(left) + " lần thử.");
  }
  const auto fifth = accounts.post("/api/v1/accounts/verify", {{"phone", kPhone}, {"code", wrong}});
  CHECK(body_of(fifth)["error"]["message"] == "Bạn đã nhập sai quá 5 lần. Hãy yêu cầu mã mới.");
  // Even the right code is refused now.
  const auto right = accounts.post("/api/v1/accounts/verify", {{"phone", kPhone}, {"code", code}});
  CHECK(right.status == 422);
  CHECK(body_of(right)["error"]["code"] == "code_attempts_exceeded");
  CHECK_FALSE(session_token(right));
  CHECK(accounts.count_rows("users", "phone_verified_at IS NULL") == 1);

  // A new code works.
  accounts.clock.advance(std::chrono::seconds(60));
  CHECK(accounts.post("/api/v1/accounts/resend", {{"phone", kPhone}, {"purpose", "register"}})
            .status == 202);
  const auto fresh = accounts.post("/api/v1/accounts/verify",
                                   {{"phone", kPhone}, {"code", accounts.sms.last_code(kPhone)}});
  CHECK(fresh.status == 200);
}

TEST_CASE("a code is refused after five minutes") {
  AccountsHarness accounts;
  accounts.post("/api/v1/accounts/register", registration("Hoàng Văn Nam", kPhone, kPassword));
  const std::string code = accounts.sms.last_code(kPhone);
  accounts.clock.advance(std::chrono::seconds(300));
  const auto late = accounts.post("/api/v1/accounts/verify", {{"phone", kPhone}, {"code", code}});
  CHECK(late.status == 422);
  CHECK(body_of(late)["error"]["code"] == "code_expired");
  CHECK(body_of(late)["error"]["message"] == "Mã xác nhận đã hết hạn. Hãy yêu cầu mã mới.");
}

TEST_CASE("a code just inside five minutes still works") {
  AccountsHarness accounts;
  accounts.post("/api/v1/accounts/register", registration("Hoàng Văn Nam", kPhone, kPassword));
  accounts.clock.advance(std::chrono::seconds(299));
  const auto response = accounts.post(
      "/api/v1/accounts/verify", {{"phone", kPhone}, {"code", accounts.sms.last_code(kPhone)}});
  CHECK(response.status == 200);
}

TEST_CASE("code field rules") {
  AccountsHarness accounts;
  const auto field = [&](const json& code) {
    const auto response =
        accounts.post("/api/v1/accounts/verify", {{"phone", kPhone}, {"code", code}});
    CHECK(response.status == 422);
    return body_of(response)["error"]["fields"]["code"];
  };
  CHECK(field("") == "Vui lòng nhập mã xác nhận.");
  CHECK(field("12345") == "Mã xác nhận gồm 6 chữ số.");
  CHECK(field("12a456") == "Mã xác nhận gồm 6 chữ số.");
  CHECK(field(123456) == "Giá trị của ô này phải là chữ.");
  // Without a pending code, a well-formed one is simply wrong.
  CHECK(field("123 456") == "Mã xác nhận không đúng hoặc đã hết hạn. Hãy yêu cầu mã mới.");
}

TEST_CASE("resend waits 60 seconds between codes and sends at most 5 an hour") {
  AccountsHarness accounts;
  accounts.post("/api/v1/accounts/register", registration("Ma Văn Thắng", kPhone, kPassword));
  const json resend = {{"phone", kPhone}, {"purpose", "register"}};

  accounts.clock.advance(std::chrono::seconds(20));
  const auto early = accounts.post("/api/v1/accounts/resend", resend);
  CHECK(early.status == 429);
  CHECK(body_of(early)["retry_after"] == 40);
  CHECK(early.headers.get("Retry-After") == "40");
  CHECK(body_of(early)["error"]["message"] ==
        "Bạn vừa yêu cầu mã. Vui lòng chờ 40 giây rồi thử lại.");

  const std::string first_code = accounts.sms.last_code(kPhone);
  for (int i = 0; i < 4; ++i) {
    accounts.clock.advance(std::chrono::seconds(60));
    const auto response = accounts.post("/api/v1/accounts/resend", resend);
    CHECK(response.status == 202);
    CHECK(body_of(response)["resend_in"] == 60);
  }
  CHECK(accounts.sms.sent_to(kPhone).size() == 5);
  // The first code was replaced.
  const std::string latest = accounts.sms.last_code(kPhone);
  if (first_code != latest) {
    CHECK(accounts.post("/api/v1/accounts/verify", {{"phone", kPhone}, {"code", first_code}})
              .status == 422);
  }

  // Sent at t = 0, 80, 140, 200 and 260. A sixth within the hour is refused until the first
  // send is an hour old.
  accounts.clock.advance(std::chrono::seconds(60));  // t = 320
  const auto sixth = accounts.post("/api/v1/accounts/resend", resend);
  CHECK(sixth.status == 429);
  CHECK(body_of(sixth)["retry_after"] == 3600 - 320);
  accounts.clock.advance(std::chrono::seconds(3600 - 320 - 1));
  CHECK(accounts.post("/api/v1/accounts/resend", resend).status == 429);
  accounts.clock.advance(std::chrono::seconds(1));
  CHECK(accounts.post("/api/v1/accounts/resend", resend).status == 202);
  CHECK(accounts.sms.sent_to(kPhone).size() == 6);
}

TEST_CASE("resend needs a pending registration and a known purpose") {
  AccountsHarness accounts;
  const auto unknown =
      accounts.post("/api/v1/accounts/resend", {{"phone", kPhone}, {"purpose", "register"}});
  CHECK(unknown.status == 422);
  CHECK(body_of(unknown)["error"]["fields"].contains("phone"));
  const auto purpose =
      accounts.post("/api/v1/accounts/resend", {{"phone", kPhone}, {"purpose", "login"}});
  CHECK(purpose.status == 422);
  CHECK(body_of(purpose)["error"]["fields"].contains("purpose"));

  accounts.create_account(kPhone, kPassword);
  accounts.clock.advance(std::chrono::seconds(120));
  const auto done =
      accounts.post("/api/v1/accounts/resend", {{"phone", kPhone}, {"purpose", "register"}});
  CHECK(done.status == 409);
  CHECK(body_of(done)["error"]["code"] == "already_verified");
}

TEST_CASE("without an SMS gateway, registration says so at once and stores nothing") {
  AccountsHarness accounts;
  accounts.sms.set_configured(false);
  const auto failed =
      accounts.post("/api/v1/accounts/register", registration("Bế Văn An", kPhone, kPassword));
  CHECK(failed.status == 503);
  CHECK(body_of(failed)["error"]["code"] == "sms_unavailable");
  CHECK(accounts.count_rows("verification_codes") == 0);
  CHECK(accounts.count_rows("jobs") == 0);
}

TEST_CASE("registration answers without the gateway; a failing gateway's code is retried") {
  AccountsHarness accounts;
  accounts.sms.set_failing(true);
  const auto registered =
      accounts.post("/api/v1/accounts/register", registration("Bế Văn An", kPhone, kPassword));
  CHECK(registered.status == 201);
  CHECK(accounts.sms.count() == 0);
  CHECK(accounts.count_rows("jobs", "status = 'pending' AND attempts = 1") == 1);

  accounts.sms.set_failing(false);
  accounts.clock.advance(std::chrono::seconds(4));
  CHECK(accounts.jobs().run_due() == 0);  // the first backoff is 5 s
  accounts.clock.advance(std::chrono::seconds(1));
  CHECK(accounts.jobs().run_due() == 1);
  const auto verified = accounts.post(
      "/api/v1/accounts/verify", {{"phone", kPhone}, {"code", accounts.sms.last_code(kPhone)}});
  CHECK(verified.status == 200);
  // The message held the code: the finished job keeps neither.
  CHECK(accounts.count_rows("jobs", "status = 'done' AND attempts = 2 AND payload = '{}'") == 1);
}

TEST_CASE("a code the gateway never takes: the job dies and the number may ask again at once") {
  AccountsHarness accounts;
  accounts.sms.set_failing(true);
  CHECK(accounts.post("/api/v1/accounts/register", registration("Bế Văn An", kPhone, kPassword))
            .status == 201);
  for (const int wait : {5, 10, 20}) {
    accounts.clock.advance(std::chrono::seconds(wait));
    CHECK(accounts.jobs().run_due() == 1);
  }
  CHECK(accounts.count_rows("jobs", "status = 'dead' AND attempts = 4 AND payload = '{}'") == 1);
  CHECK(accounts.count_rows("verification_codes") == 0);
  // 35 s after the first request, well inside the minute between codes: the dead send was
  // forgotten, so registering again is not throttled.
  accounts.sms.set_failing(false);
  CHECK(accounts.post("/api/v1/accounts/register", registration("Bế Văn An", kPhone, kPassword))
            .status == 201);
  CHECK(accounts
            .post("/api/v1/accounts/verify",
                  {{"phone", kPhone}, {"code", accounts.sms.last_code(kPhone)}})
            .status == 200);
}
