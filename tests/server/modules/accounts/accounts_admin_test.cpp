// Officials' accounts created and listed by admins.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "modules/accounts/accounts_harness.h"
#include "modules/accounts/officials.h"
#include "modules/accounts/passwords.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;

namespace {

const std::string kAdminPhone = "0900000001";
const std::string kAdminPassword = "Quan tri vien 2025";

std::string sign_in_admin(AccountsHarness& accounts) {
  soci::session sql(accounts.database().pool());
  accounts::OfficialInput input{.role = "admin",
                                .phone = kAdminPhone,
                                .full_name = "Quản Trị Viên",
                                .agency = "",
                                .password = kAdminPassword};
  REQUIRE(accounts::validate_official(input).empty());
  REQUIRE(accounts::create_official(sql, accounts::PasswordHasher(accounts::kMinimalPasswordCost),
                                    input, 1741064400));
  return accounts.sign_in(kAdminPhone, kAdminPassword);
}

json officer(const std::string& phone) {
  return {{"full_name", "Hoàng Văn Nam"},
          {"phone", phone},
          {"password", "Can bo xa Hoa An"},
          {"role", "officer"},
          {"agency", "ubnd-xa-hoa-an"}};
}

}  // namespace

TEST_CASE("an admin creates officers and admins who can then sign in") {
  AccountsHarness accounts;
  const std::string admin = sign_in_admin(accounts);
  const auto created =
      accounts.post("/api/v1/admin/users", officer("0912000111"), {.cookie = admin});
  REQUIRE_MESSAGE(created.status == 201, created.body);
  const json user = body_of(created)["user"];
  CHECK(user["role"] == "officer");
  CHECK(user["agency"] == "ubnd-xa-hoa-an");
  CHECK(user["phone"] == "0912000111");
  const std::string token = accounts.sign_in("0912000111", "Can bo xa Hoa An");
  CHECK(body_of(accounts.get("/api/v1/me", {.cookie = token}))["user"]["role"] == "officer");

  json second_admin = officer("+84 912 000 222");
  second_admin["role"] = "admin";
  second_admin.erase("agency");
  const auto admin2 = accounts.post("/api/v1/admin/users", second_admin, {.cookie = admin});
  REQUIRE_MESSAGE(admin2.status == 201, admin2.body);
  CHECK(body_of(admin2)["user"]["phone"] == "0912000222");
  CHECK(body_of(admin2)["user"]["agency"].is_null());

  const auto taken = accounts.post("/api/v1/admin/users", officer("0912000111"), {.cookie = admin});
  CHECK(taken.status == 409);
  CHECK(body_of(taken)["error"]["fields"].contains("phone"));
}

TEST_CASE("each bad official field is a 422 and nothing is stored") {
  AccountsHarness accounts;
  const std::string admin = sign_in_admin(accounts);
  const std::vector<std::pair<std::string, json>> cases = {
      {"role", "citizen"},
      {"role", nullptr},
      {"agency", ""},
      {"agency", std::string(201, 'a')},
      {"agency", "UBND xã Hòa An"},
      {"phone", "12345"},
      {"full_name", "X1"},
      {"password", "12345678"},
      {"password", ""},
      {"phone", 912000111},
  };
  for (const auto& [field, value] : cases) {
    CAPTURE(field);
    CAPTURE(value.dump());
    json body = officer("0912000333");
    body[field] = value;
    const auto response = accounts.post("/api/v1/admin/users", body, {.cookie = admin});
    CHECK(response.status == 422);
    CHECK(body_of(response)["error"]["fields"].contains(field));
    CHECK(accounts.count_rows("users") == 1);
  }
}

TEST_CASE("only admins reach the admin routes") {
  AccountsHarness accounts;
  sign_in_admin(accounts);
  const std::string citizen = accounts.create_account("0987654321", "Non nuoc Cao Bang");
  json body = officer("0912000444");
  CHECK(accounts.post("/api/v1/admin/users", body).status == 401);
  const auto forbidden = accounts.post("/api/v1/admin/users", body, {.cookie = citizen});
  CHECK(forbidden.status == 403);
  CHECK(body_of(forbidden)["error"]["code"] == "forbidden");
  CHECK(accounts.count_rows("users") == 2);
  CHECK(accounts.get("/api/v1/admin/users").status == 401);
  CHECK(accounts.get("/api/v1/admin/users?role=officer", {.cookie = citizen}).status == 403);

  // An officer is not an admin either.
  const std::string admin = accounts.sign_in(kAdminPhone, kAdminPassword);
  REQUIRE(accounts.post("/api/v1/admin/users", body, {.cookie = admin}).status == 201);
  const std::string officer_token = accounts.sign_in("0912000444", "Can bo xa Hoa An");
  CHECK(accounts.post("/api/v1/admin/users", officer("0912000555"), {.cookie = officer_token})
            .status == 403);
  CHECK(accounts.get("/api/v1/admin/users", {.cookie = officer_token}).status == 403);
}

TEST_CASE("admins list accounts by role, a page at a time") {
  AccountsHarness accounts;
  const std::string admin = sign_in_admin(accounts);
  for (int i = 0; i < 5; ++i) {
    REQUIRE(accounts
                .post("/api/v1/admin/users", officer("091200010" + std::to_string(i)),
                      {.cookie = admin})
                .status == 201);
  }
  const std::string citizen = accounts.create_account("0987654321", "Non nuoc Cao Bang");

  const auto all = body_of(accounts.get("/api/v1/admin/users?role=officer", {.cookie = admin}));
  CHECK(all["users"].size() == 5);
  CHECK(all["next_cursor"].is_null());
  for (const json& user : all["users"]) CHECK(user["role"] == "officer");
  CHECK(body_of(accounts.get("/api/v1/admin/users", {.cookie = admin}))["users"].size() == 7);

  std::vector<std::string> phones;
  std::string cursor;
  int pages = 0;
  do {
    const auto page = accounts.get(
        "/api/v1/admin/users?role=officer&limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor),
        {.cookie = admin});
    REQUIRE(page.status == 200);
    const json body = body_of(page);
    CHECK(body["users"].size() <= 2);
    for (const json& user : body["users"]) phones.push_back(user["phone"]);
    cursor = body["next_cursor"].is_null() ? "" : body["next_cursor"].get<std::string>();
    ++pages;
  } while (!cursor.empty() && pages < 10);
  CHECK(pages == 3);
  CHECK(phones == std::vector<std::string>{"0912000100", "0912000101", "0912000102", "0912000103",
                                           "0912000104"});

  CHECK(accounts.get("/api/v1/admin/users?limit=0", {.cookie = admin}).status == 422);
  CHECK(accounts.get("/api/v1/admin/users?limit=abc", {.cookie = admin}).status == 422);
  CHECK(accounts.get("/api/v1/admin/users?limit=1000", {.cookie = admin}).status == 200);
  CHECK(accounts.get("/api/v1/admin/users?cursor=zzz", {.cookie = admin}).status == 422);
  CHECK(accounts.get("/api/v1/admin/users?role=boss", {.cookie = admin}).status == 422);

  // A deleted account is not listed.
  REQUIRE(accounts
              .call("DELETE", "/api/v1/me", json{{"password", "Non nuoc Cao Bang"}}.dump(),
                    {.cookie = citizen})
              .status == 204);
  CHECK(body_of(accounts.get("/api/v1/admin/users?role=citizen", {.cookie = admin}))["users"]
            .empty());
}
