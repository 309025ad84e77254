// Personal-data rights: downloading my data, deleting my account.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "modules/accounts/accounts_harness.h"
#include "modules/vneid/routes.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;

namespace {

const std::string kPhone = "0987654321";
const std::string kPassword = "Non nuoc Cao Bang";
const std::string kOtherPhone = "0333444555";
const std::string kOtherPassword = "Thac Ban Gioc 2025";

}  // namespace

TEST_CASE("the export is a download of my data and nobody else's") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword, "Nông Văn Dũng");
  accounts.sign_in(kPhone, kPassword, {.ip = "198.51.100.9", .user_agent = "Laptop"});
  const std::string other = accounts.create_account(kOtherPhone, kOtherPassword, "Lương Thị Mai");
  REQUIRE(accounts
              .call("PATCH", "/api/v1/me",
                    json{{"commune", "xa-hoa-an"}, {"email", "dung@example.vn"}}.dump(),
                    {.cookie = token})
              .status == 200);
  REQUIRE(
      accounts.post("/api/v1/sessions", {{"phone", kPhone}, {"password", "wrong pass"}}).status ==
      401);

  const auto response = accounts.get("/api/v1/me/export", {.cookie = token});
  REQUIRE(response.status == 200);
  CHECK(response.headers.get("Content-Disposition").value_or("") ==
        "attachment; filename=\"du-lieu-ca-nhan.json\"");
  CHECK(std::string(response.headers.get("Content-Type").value_or(""))
            .starts_with("application/json"));
  const json data = body_of(response);
  CHECK(data["format"] == "cdscb-personal-data/1");
  CHECK(data["account"]["full_name"] == "Nông Văn Dũng");
  CHECK(data["account"]["phone"] == kPhone);
  CHECK(data["account"]["commune"] == "xa-hoa-an");
  CHECK(data["account"]["email"] == "dung@example.vn");
  CHECK(data["account"]["created_at"] == "2025-03-04T05:00:00Z");
  CHECK(data["sessions"].size() == 2);
  CHECK(data["phone_verification"]["failed_logins"].size() == 1);
  CHECK(data["phone_verification"]["verification_code_sends"].size() == 1);

  // No secrets, nothing of the other user.
  soci::session sql(accounts.database().pool());
  std::string token_hash;
  sql << "SELECT token_hash FROM sessions LIMIT 1", soci::into(token_hash);
  CHECK(response.body.find(token_hash) == std::string::npos);
  CHECK(response.body.find(token) == std::string::npos);
  CHECK(response.body.find("argon2") == std::string::npos);
  CHECK(response.body.find("code_hash") == std::string::npos);
  CHECK(response.body.find("Lương Thị Mai") == std::string::npos);
  CHECK(response.body.find(kOtherPhone) == std::string::npos);

  CHECK(accounts.get("/api/v1/me/export").status == 401);
  const json theirs = body_of(accounts.get("/api/v1/me/export", {.cookie = other}));
  CHECK(theirs["account"]["full_name"] == "Lương Thị Mai");
  CHECK(theirs.dump().find("Nông Văn Dũng") == std::string::npos);
}

TEST_CASE("deleting my account needs my password") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  const auto del = [&](const json& body) {
    return accounts.call("DELETE", "/api/v1/me", body.dump(), {.cookie = token});
  };
  const auto wrong = del({{"password", "not my password"}});
  CHECK(wrong.status == 401);
  CHECK(body_of(wrong)["error"]["code"] == "invalid_password");
  CHECK(body_of(wrong)["error"]["fields"]["password"] == "Mật khẩu không đúng.");
  const auto missing = del(json::object());
  CHECK(missing.status == 422);
  CHECK(body_of(missing)["error"]["fields"]["password"] == "Vui lòng nhập mật khẩu.");
  CHECK(accounts.call("DELETE", "/api/v1/me", json{{"password", kPassword}}.dump()).status == 401);
  CHECK(accounts.get("/api/v1/me", {.cookie = token}).status == 200);
  CHECK(accounts.count_rows("users", "deleted_at IS NULL") == 1);
}

TEST_CASE("a deleted account is anonymised, signed out everywhere, and its number is free") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword, "Nông Văn Dũng");
  const std::string laptop = accounts.sign_in(kPhone, kPassword);
  const std::string other = accounts.create_account(kOtherPhone, kOtherPassword, "Lương Thị Mai");
  REQUIRE(accounts
              .call("PATCH", "/api/v1/me",
                    json{{"commune", "xa-hoa-an"},
                         {"email", "dung@example.vn"},
                         {"birth_date", "1980-01-02"},
                         {"gender", "nam"},
                         {"street", "Thôn Nà Vịt"}}
                        .dump(),
                    {.cookie = token})
              .status == 200);
  const long long id = body_of(accounts.get("/api/v1/me", {.cookie = token}))["user"]["id"];

  const auto deleted = accounts.call("DELETE", "/api/v1/me", json{{"password", kPassword}}.dump(),
                                     {.cookie = token});
  CHECK(deleted.status == 204);
  CHECK(set_cookie(deleted).find("Max-Age=0") != std::string::npos);

  // The row stays (foreign keys from kept records), without anything personal.
  soci::session sql(accounts.database().pool());
  std::string phone, name, hash;
  long long deleted_at = 0;
  soci::indicator birth = soci::i_ok, email = soci::i_ok, commune = soci::i_ok, street = soci::i_ok,
                  gender = soci::i_ok;
  std::string birth_v, email_v, commune_v, street_v, gender_v;
  sql << "SELECT phone, full_name, password_hash, deleted_at, birth_date, email, commune, street, "
         "gender FROM users WHERE id = :id",
      soci::use(id), soci::into(phone), soci::into(name), soci::into(hash), soci::into(deleted_at),
      soci::into(birth_v, birth), soci::into(email_v, email), soci::into(commune_v, commune),
      soci::into(street_v, street), soci::into(gender_v, gender);
  CHECK(phone == "deleted:" + std::to_string(id));
  CHECK(name.empty());
  CHECK(hash.empty());
  CHECK(deleted_at > 0);
  CHECK(birth == soci::i_null);
  CHECK(email == soci::i_null);
  CHECK(commune == soci::i_null);
  CHECK(street == soci::i_null);
  CHECK(gender == soci::i_null);
  CHECK(accounts.count_rows("sessions", "user_id = " + std::to_string(id)) == 0);
  CHECK(accounts.count_rows("verification_codes", "phone = '" + kPhone + "'") == 0);
  CHECK(accounts.count_rows("verification_sends", "phone = '" + kPhone + "'") == 0);

  CHECK(accounts.get("/api/v1/me", {.cookie = token}).status == 401);
  CHECK(accounts.get("/api/v1/me", {.cookie = laptop}).status == 401);
  CHECK(accounts.post("/api/v1/sessions", {{"phone", kPhone}, {"password", kPassword}}).status ==
        401);
  CHECK(accounts.get("/api/v1/me", {.cookie = other}).status == 200);

  // The number registers again as a new account.
  const std::string again = accounts.create_account(kPhone, "Mot mat khau khac", "Nông Văn Dũng");
  const json user = body_of(accounts.get("/api/v1/me", {.cookie = again}))["user"];
  CHECK(user["id"] != id);
  CHECK(user["email"].is_null());
  CHECK(accounts.count_rows("users") == 3);
}

TEST_CASE("deleting an account deletes its queued texts: the job and the number are gone") {
  AccountsHarness accounts;
  const std::string token = accounts.create_account(kPhone, kPassword);
  accounts.create_account(kOtherPhone, kOtherPassword);
  // The gateway is down: a reset code waits in the queue, holding the number and the code.
  accounts.sms.set_failing(true);
  accounts.clock.advance(std::chrono::seconds(61));
  REQUIRE(accounts.post("/api/v1/password-resets", {{"phone", kPhone}}).status == 202);
  REQUIRE(accounts.post("/api/v1/password-resets", {{"phone", kOtherPhone}}).status == 202);
  CHECK(accounts.count_rows("jobs", "status = 'pending' AND payload LIKE '%" + kPhone + "%'") == 1);

  REQUIRE(
      accounts.call("DELETE", "/api/v1/me", json{{"password", kPassword}}.dump(), {.cookie = token})
          .status == 204);
  CHECK(accounts.count_rows("jobs", "payload LIKE '%" + kPhone + "%'") == 0);
  CHECK(accounts.count_rows("jobs", "status = 'pending'") == 1);  // the other account's
  // The gateway is back: only the other account's code goes out.
  accounts.sms.set_failing(false);
  accounts.clock.advance(std::chrono::minutes(1));
  accounts.jobs().run_due();
  CHECK(accounts.sms.sent_to(kOtherPhone).size() == 2);  // registration, then the reset code
  CHECK(accounts.sms.sent_to(kPhone).size() == 1);       // registration only
}

TEST_CASE("the linked VNeID identity is in my export and goes with my account") {
  AccountsHarness accounts({vneid_personal_data()});
  const std::string token = accounts.create_account(kPhone, kPassword, "Nông Văn Dũng");
  const long long id = body_of(accounts.get("/api/v1/me", {.cookie = token}))["user"]["id"];
  {
    soci::session sql(accounts.database().pool());
    sql << "INSERT INTO vneid_links (user_id, so_dinh_danh, sub, issuer, ho_va_ten, linked_at) "
           "VALUES (:id, '004099000123', 'sub-1', 'https://vneid.example', 'Nông Văn Dũng', 0)",
        soci::use(id);
  }
  const json exported = body_of(accounts.get("/api/v1/me/export", {.cookie = token}));
  CHECK(exported["vneid"]["so_dinh_danh"] == "004099000123");
  CHECK(exported["vneid"]["ho_va_ten"] == "Nông Văn Dũng");

  CHECK(
      accounts.call("DELETE", "/api/v1/me", json{{"password", kPassword}}.dump(), {.cookie = token})
          .status == 204);
  // The VNeID module erased its row: the identity may be linked to a new account.
  CHECK(accounts.count_rows("vneid_links") == 0);
}
