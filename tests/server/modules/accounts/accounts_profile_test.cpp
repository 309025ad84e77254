// Account management: the communes list, editing my profile, changing my password, my sessions.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "modules/accounts/accounts_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;

namespace {

const std::string kPhone = "0987654321";
const std::string kPassword = "Non nuoc Cao Bang";
const std::string kOtherPhone = "0333444555";
const std::string kOtherPassword = "Thac Ban Gioc 2025";

http::Response patch_me(AccountsHarness& accounts, const json& body, const std::string& token) {
  return accounts.call("PATCH", "/api/v1/me", body.dump(), {.cookie = token});
}

json me(AccountsHarness& accounts, const std::string& token) {
  const auto response = accounts.get("/api/v1/me", {.cookie = token});
  REQUIRE_MESSAGE(response.status == 200, response.body);
  return body_of(response)["user"];
}

const json kGoodProfile = {{"full_name", "Nông Thị Hoa"},
                           {"birth_date", "1990-05-21"},
                           {"gender", "nu"},
                           {"commune", "phuong-thuc-phan"},
                           {"street", "  Số 5,  phố Vườn Cam "},
                           {"email", "hoa@Example.VN"}};

}  // namespace

TEST_CASE("the 56 communes and wards are public and cacheable") {
  AccountsHarness accounts;
  const auto response = accounts.get("/api/v1/communes");
  REQUIRE(response.status == 200);
  const json communes = body_of(response)["communes"];
  CHECK(communes.size() == 56);
  CHECK(communes[0] ==
        json{{"code", "phuong-thuc-phan"}, {"name", "Phường Thục Phán"}, {"kind", "phường"}});
  CHECK(communes[55]["code"] == "xa-duc-long");
  CHECK(std::string(response.headers.get("Cache-Control").value_or("")).starts_with("public"));
}

TEST_CASE("PATCH /me updates the profile fields and stores them normalised") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  const auto response = patch_me(accounts, kGoodProfile, token);
  REQUIRE_MESSAGE(response.status == 200, response.body);
  const json user = body_of(response)["user"];
  CHECK(user["full_name"] == "Nông Thị Hoa");
  CHECK(user["birth_date"] == "1990-05-21");
  CHECK(user["gender"] == "nu");
  CHECK(user["commune"] == "phuong-thuc-phan");
  CHECK(user["street"] == "Số 5, phố Vườn Cam");
  CHECK(user["email"] == "hoa@example.vn");
  CHECK(me(accounts, token) == user);

  // Absent fields stay; "" and null clear optional ones.
  const auto partial = patch_me(accounts, {{"street", ""}, {"email", nullptr}}, token);
  REQUIRE_MESSAGE(partial.status == 200, partial.body);
  const json after = me(accounts, token);
  CHECK(after["street"].is_null());
  CHECK(after["email"].is_null());
  CHECK(after["commune"] == "phuong-thuc-phan");
  CHECK(after["full_name"] == "Nông Thị Hoa");
}

TEST_CASE("every bad profile field is a 422 with its own message, and nothing is stored") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  REQUIRE(patch_me(accounts, kGoodProfile, token).status == 200);
  const json before = me(accounts, token);

  struct Case {
    const char* field;
    json value;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"full_name", "", "Vui lòng nhập họ tên."},
      {"full_name", "Nông 123",
       "Họ tên chỉ được gồm chữ cái, dấu cách, dấu nháy (') và dấu gạch "
       "nối (-)."},
      {"full_name", std::string(101, 'a'), "Họ tên không được dài quá 100 ký tự."},
      {"birth_date", "1990-02-30",
       "Ngày sinh không hợp lệ. Nhập theo dạng năm-tháng-ngày, ví dụ 1990-05-21."},
      {"birth_date", "21/05/1990",
       "Ngày sinh không hợp lệ. Nhập theo dạng năm-tháng-ngày, ví dụ 1990-05-21."},
      {"birth_date", "2025-03-05", "Ngày sinh không được ở tương lai."},  // clock: 2025-03-04
      {"birth_date", "1900-01-01", "Ngày sinh không được cách đây quá 120 năm."},
      {"gender", "female", "Giới tính không hợp lệ (chọn Nam, Nữ hoặc Khác)."},
      {"commune", "huyen-hoa-an",
       "Xã/phường không hợp lệ. Vui lòng chọn một xã hoặc phường của tỉnh Cao Bằng."},
      {"street", std::string(201, 'x'),
       "Địa chỉ (số nhà, đường, thôn, xóm) không được dài quá 200 ký tự."},
      {"street", "a\tb\x01", "Nội dung chứa ký tự không hợp lệ. Vui lòng gõ lại."},
      {"email", "hoa@", "Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: ten@example.com."},
      {"email", std::string(250, 'a') + "@x.vn",
       "Địa chỉ thư điện tử không được dài quá 254 ký tự."},
      {"email", 42, "Giá trị của ô này phải là chữ."},
      {"gender", json::array({"nu"}), "Giá trị của ô này phải là chữ."},
      {"phone", "0912345678", "Không sửa được thông tin này ở đây."},
      {"role", "admin", "Không sửa được thông tin này ở đây."},
      {"id", 1, "Không sửa được thông tin này ở đây."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.field);
    CAPTURE(c.value.dump());
    // A good change beside the bad one: it must not be stored either.
    json body = {{"street", "Thôn Nà Vịt"}};
    body[c.field] = c.value;
    const auto response = patch_me(accounts, body, token);
    CHECK(response.status == 422);
    const json error = body_of(response)["error"];
    CHECK(error["code"] == "validation_failed");
    CHECK(error["fields"][c.field] == c.message);
    CHECK(error["fields"].size() == 1);
    CHECK(me(accounts, token) == before);
  }
}

TEST_CASE("PATCH /me refuses bodies of the wrong shape and anonymous callers") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  const json before = me(accounts, token);
  CHECK(accounts.call("PATCH", "/api/v1/me", "[1]", {.cookie = token}).status == 400);
  CHECK(accounts.call("PATCH", "/api/v1/me", "{bad", {.cookie = token}).status == 400);
  CHECK(
      accounts.call("PATCH", "/api/v1/me", "{\"street\":\"\xC3\x28\"}", {.cookie = token}).status ==
      400);
  CHECK(patch_me(accounts, {{"street", "Thôn A"}}, "").status == 401);
  CHECK(me(accounts, token) == before);
}

TEST_CASE("changing the password checks the current one and ends every other session") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  const std::string phone_session = accounts.sign_in(kPhone, kPassword);
  const auto put = [&](const json& body, const std::string& cookie) {
    return accounts.call("PUT", "/api/v1/me/password", body.dump(), {.cookie = cookie});
  };
  const std::string fresh = "Mat khau moi cua toi";

  const auto wrong = put({{"current_password", "not my password"}, {"new_password", fresh}}, token);
  CHECK(wrong.status == 401);
  CHECK(body_of(wrong)["error"]["code"] == "invalid_password");
  CHECK(body_of(wrong)["error"]["fields"]["current_password"] == "Mật khẩu hiện tại không đúng.");
  CHECK(accounts.get("/api/v1/me", {.cookie = phone_session}).status == 200);

  const auto weak = put({{"current_password", kPassword}, {"new_password", "12345678"}}, token);
  CHECK(weak.status == 422);
  CHECK(body_of(weak)["error"]["fields"]["new_password"] ==
        "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.");
  const auto missing = put({{"new_password", fresh}}, token);
  CHECK(missing.status == 422);
  CHECK(body_of(missing)["error"]["fields"]["current_password"] == "Vui lòng nhập mật khẩu.");
  CHECK(put({{"current_password", kPassword}, {"new_password", fresh}}, "").status == 401);
  CHECK(accounts.post("/api/v1/sessions", {{"phone", kPhone}, {"password", fresh}}).status == 401);

  const auto changed = put({{"current_password", kPassword}, {"new_password", fresh}}, token);
  CHECK(changed.status == 204);
  CHECK(accounts.get("/api/v1/me", {.cookie = token}).status == 200);
  CHECK(accounts.get("/api/v1/me", {.cookie = phone_session}).status == 401);
  CHECK(accounts.post("/api/v1/sessions", {{"phone", kPhone}, {"password", kPassword}}).status ==
        401);
  accounts.sign_in(kPhone, fresh);
}

TEST_CASE("password guessing through the change form is throttled like sign-in") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  for (int i = 0; i < 5; ++i) {
    CHECK(accounts
              .call("PUT", "/api/v1/me/password",
                    json{{"current_password", "guess " + std::to_string(i)},
                         {"new_password", "Mat khau moi cua toi"}}
                        .dump(),
                    {.cookie = token})
              .status == 401);
    accounts.clock.advance(std::chrono::seconds(60));  // past the slow-down
  }
  const auto locked = accounts.call(
      "PUT", "/api/v1/me/password",
      json{{"current_password", kPassword}, {"new_password", "Mat khau moi cua toi"}}.dump(),
      {.cookie = token});
  CHECK(locked.status == 429);
  CHECK(body_of(locked)["error"]["code"] == "too_many_attempts");
}

TEST_CASE("my sessions: listed without tokens, one marked current, others can be ended") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  const std::string laptop =
      accounts.sign_in(kPhone, kPassword, {.ip = "198.51.100.9", .user_agent = "Laptop"});
  const std::string other = accounts.create_account(kOtherPhone, kOtherPassword, "Lương Thị Mai");

  const auto response = accounts.get("/api/v1/me/sessions", {.cookie = token});
  REQUIRE(response.status == 200);
  CHECK(response.body.find(token) == std::string::npos);
  CHECK(response.body.find(laptop) == std::string::npos);
  const json sessions = body_of(response)["sessions"];
  REQUIRE(sessions.size() == 2);
  int current = 0;
  std::string laptop_id;
  for (const json& session : sessions) {
    CHECK(session["id"].get<std::string>().size() == 32);
    CHECK(session["created_at"] == "2025-03-04T05:00:00Z");
    CHECK(session["last_seen_at"] == "2025-03-04T05:00:00Z");
    if (session["current"] == true) ++current;
    if (session["user_agent"] == "Laptop") {
      CHECK(session["ip"] == "198.51.100.9");
      CHECK(session["current"] == false);
      laptop_id = session["id"];
    }
  }
  CHECK(current == 1);
  REQUIRE(!laptop_id.empty());

  // Another user cannot end my session, nor see it.
  const auto others = body_of(accounts.get("/api/v1/me/sessions", {.cookie = other}))["sessions"];
  REQUIRE(others.size() == 1);
  CHECK(others[0]["id"] != laptop_id);
  CHECK(accounts.del("/api/v1/me/sessions/" + laptop_id, {.cookie = other}).status == 404);
  CHECK(accounts.get("/api/v1/me", {.cookie = laptop}).status == 200);
  // Nor I theirs.
  const std::string other_id = others[0]["id"];
  CHECK(accounts.del("/api/v1/me/sessions/" + other_id, {.cookie = token}).status == 404);
  CHECK(accounts.get("/api/v1/me", {.cookie = other}).status == 200);
  CHECK(accounts.del("/api/v1/me/sessions/unknown", {.cookie = token}).status == 404);
  CHECK(accounts.del("/api/v1/me/sessions/" + laptop_id).status == 401);

  const auto ended = accounts.del("/api/v1/me/sessions/" + laptop_id, {.cookie = token});
  CHECK(ended.status == 204);
  CHECK(set_cookie(ended).empty());  // not the current session: my cookie stays
  CHECK(accounts.get("/api/v1/me", {.cookie = laptop}).status == 401);
  CHECK(accounts.get("/api/v1/me", {.cookie = token}).status == 200);
  CHECK(body_of(accounts.get("/api/v1/me/sessions", {.cookie = token}))["sessions"].size() == 1);
}

TEST_CASE("no endpoint shows or changes another user's profile") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword, "Nông Văn Dũng");
  const std::string other = accounts.create_account(kOtherPhone, kOtherPassword, "Lương Thị Mai");
  REQUIRE(patch_me(accounts, {{"email", "mai@example.vn"}}, other).status == 200);
  const json other_before = me(accounts, other);
  const long long other_id = other_before["id"];

  const std::string id = std::to_string(other_id);
  const std::vector<std::string> targets = {"/api/v1/users/" + id,
                                            "/api/v1/me/" + id,
                                            "/api/v1/me?id=" + id,
                                            "/api/v1/me/export?user_id=" + id,
                                            "/api/v1/me/sessions?user_id=" + id,
                                            "/api/v1/admin/users",
                                            "/api/v1/admin/users?role=citizen"};
  for (const std::string& target : targets) {
    CAPTURE(target);
    const auto response = accounts.get(target, {.cookie = token});
    CHECK(response.body.find("Lương Thị Mai") == std::string::npos);
    CHECK(response.body.find(kOtherPhone) == std::string::npos);
    CHECK(response.body.find("mai@example.vn") == std::string::npos);
  }
  const auto patched = patch_me(accounts, {{"id", other_id}, {"street", "Thôn B"}}, token);
  CHECK(patched.status == 422);
  REQUIRE(accounts
              .call("PATCH", "/api/v1/me?id=" + std::to_string(other_id),
                    json{{"street", "Thôn C"}}.dump(), {.cookie = token})
              .status == 200);
  CHECK(me(accounts, other) == other_before);
  CHECK(me(accounts, token)["street"] == "Thôn C");
}
