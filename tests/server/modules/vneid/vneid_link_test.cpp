// Linking the VNeID identity to an existing phone account, creating an account without a phone,
// and unlinking.
#include <doctest/doctest.h>

#include "config.h"
#include "modules/vneid/vneid_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
namespace fake = cdscb::server::testing::vneid;

namespace {

constexpr const char* kPhone = "0987654321";
constexpr const char* kPassword = "Cao-Bang-2025";
constexpr const char* kWrongCredentials = "Số điện thoại hoặc mật khẩu không đúng.";

// The first citizen without a phone number from VNeID.
void without_vneid_phone(fake::FakeProvider& provider) {
  provider.id_claims.erase("SoDienThoai");
  provider.userinfo.erase("SoDienThoai");
}

}  // namespace

TEST_CASE("vneid link/existing: a wrong password gets the login's answer and links nothing") {
  VneidHarness harness;
  harness.accounts->create_account(kPhone, kPassword, "Nông Văn Dũng");
  Browser browser;
  REQUIRE(harness.log_in(browser).status == 302);
  const auto response = harness.post(browser, "/api/v1/auth/vneid/link/existing",
                                     {{"phone", kPhone}, {"password", "not-the-password"}});
  CHECK(response.status == 401);
  CHECK(body_of(response)["error"]["message"] == kWrongCredentials);
  CHECK(browser.session().empty());
  CHECK(harness.accounts->count_rows("vneid_links") == 0);
  CHECK(harness.accounts->count_rows("login_failures") == 1);  // the same throttle as login
  // The identity still waits.
  CHECK(harness.get(browser, "/api/v1/auth/vneid/pending").status == 200);
}

TEST_CASE("vneid link/existing: an unknown number gets the same answer") {
  VneidHarness harness;
  Browser browser;
  REQUIRE(harness.log_in(browser).status == 302);
  const auto response = harness.post(browser, "/api/v1/auth/vneid/link/existing",
                                     {{"phone", "0911111111"}, {"password", kPassword}});
  CHECK(response.status == 401);
  CHECK(body_of(response)["error"]["message"] == kWrongCredentials);
}

TEST_CASE("vneid link/existing: the lockout of the phone login applies") {
  VneidHarness harness;
  harness.accounts->create_account(kPhone, kPassword);
  Browser browser;
  REQUIRE(harness.log_in(browser).status == 302);
  for (int i = 0; i < 5; ++i) {
    CHECK(harness
              .post(browser, "/api/v1/auth/vneid/link/existing",
                    {{"phone", kPhone}, {"password", "wrong-password"}})
              .status == 401);
    harness.advance(std::chrono::seconds(20));  // past the slow-down
  }
  const auto locked = harness.post(browser, "/api/v1/auth/vneid/link/existing",
                                   {{"phone", kPhone}, {"password", kPassword}});
  CHECK(locked.status == 429);
  CHECK(harness.accounts->count_rows("vneid_links") == 0);
}

TEST_CASE("vneid link/existing: the right password links and signs in; later logins go in") {
  VneidHarness harness;
  harness.accounts->create_account(kPhone, kPassword, "Nong Van Dung");
  Browser browser;
  REQUIRE(harness.log_in(browser).status == 302);
  const auto response = harness.post(browser, "/api/v1/auth/vneid/link/existing",
                                     {{"phone", kPhone}, {"password", kPassword}});
  REQUIRE_MESSAGE(response.status == 200, response.body);
  const auto user = body_of(response)["user"];
  CHECK(user["phone"] == kPhone);
  CHECK(user["vneid_verified"] == true);
  CHECK(user["full_name"] == "Nông Văn Dũng");  // VNeID's name
  CHECK(user["so_dinh_danh_masked"] == "004*******45");
  REQUIRE_FALSE(browser.session().empty());
  CHECK(harness.accounts->count_rows("vneid_links") == 1);

  Browser later;
  const auto again = harness.log_in(later);
  CHECK(again.headers.get("Location").value_or("") == "/#/");
  const auto me = harness.accounts->get("/api/v1/me", {.cookie = later.session()});
  REQUIRE(me.status == 200);
  CHECK(body_of(me)["user"]["phone"] == kPhone);
  CHECK(harness.accounts->count_rows("users") == 1);
}

TEST_CASE("vneid link/existing: an account linked to another identity is refused") {
  VneidHarness harness;
  harness.accounts->create_account(kPhone, kPassword);
  Browser first;
  REQUIRE(harness.log_in(first).status == 302);
  REQUIRE(harness
              .post(first, "/api/v1/auth/vneid/link/existing",
                    {{"phone", kPhone}, {"password", kPassword}})
              .status == 200);
  // Another citizen tries to link the same account.
  harness.provider.id_claims["SoDinhDanh"] = "004192003456";
  harness.provider.userinfo["SoDinhDanh"] = "004192003456";
  Browser second;
  const auto callback = harness.log_in(second);
  REQUIRE(callback.headers.get("Location").value_or("") == "/#/lien-ket-vneid");
  const auto response = harness.post(second, "/api/v1/auth/vneid/link/existing",
                                     {{"phone", kPhone}, {"password", kPassword}});
  CHECK(response.status == 409);
  CHECK(body_of(response)["error"]["message"] ==
        "Tài khoản này đã được liên kết với một danh tính VNeID khác.");
  CHECK(harness.accounts->count_rows("vneid_links") == 1);
}

TEST_CASE("vneid link/new: a phone from VNeID that already has an account is 409") {
  VneidHarness harness;
  harness.accounts->create_account("0912000101", kPassword);
  Browser browser;
  REQUIRE(harness.log_in(browser).status == 302);
  const auto response =
      harness.post(browser, "/api/v1/auth/vneid/link/new", nlohmann::json::object());
  CHECK(response.status == 409);
  CHECK(body_of(response)["error"]["message"] ==
        "Số điện thoại này đã có tài khoản. Hãy chọn Liên kết với tài khoản đã có.");
  CHECK(harness.accounts->count_rows("users") == 1);
  CHECK(harness.accounts->count_rows("vneid_links") == 0);
}

TEST_CASE("vneid link/new: without a phone from VNeID, with or without a contact number") {
  VneidHarness harness;
  without_vneid_phone(harness.provider);

  SUBCASE("no number") {
    Browser browser;
    REQUIRE(harness.log_in(browser).status == 302);
    CHECK(body_of(harness.get(browser, "/api/v1/auth/vneid/pending"))["identity"]["so_dien_thoai"]
              .is_null());
    const auto response =
        harness.post(browser, "/api/v1/auth/vneid/link/new", nlohmann::json::object());
    REQUIRE_MESSAGE(response.status == 201, response.body);
    const auto user = body_of(response)["user"];
    CHECK(user["phone"].is_null());
    CHECK(user["phone_masked"].is_null());
    CHECK(user["vneid_verified"] == true);
    // No password and no confirmed number: it cannot unlink its only way in.
    const auto unlink = harness.call(browser, "DELETE", "/api/v1/me/vneid",
                                     nlohmann::json({{"password", "anything-at-all"}}).dump());
    CHECK(unlink.status == 409);
    CHECK(harness.accounts->count_rows("vneid_links") == 1);
    // And the placeholder phone is nobody's login.
    CHECK(harness.accounts->post("/api/v1/sessions", {{"phone", "vneid:"}, {"password", ""}})
              .status == 422);
  }
  SUBCASE("a contact number, kept unconfirmed") {
    Browser browser;
    REQUIRE(harness.log_in(browser).status == 302);
    const auto response =
        harness.post(browser, "/api/v1/auth/vneid/link/new", {{"phone", "+84 912 345 678"}});
    REQUIRE_MESSAGE(response.status == 201, response.body);
    CHECK(harness.accounts->count_rows("vneid_links", "contact_phone = '0912345678'") == 1);
    // Not a login: the number may still register its own account.
    CHECK(harness.accounts->count_rows("users", "phone = '0912345678'") == 0);
  }
  SUBCASE("a contact number that has an account") {
    harness.accounts->create_account(kPhone, kPassword);
    Browser browser;
    REQUIRE(harness.log_in(browser).status == 302);
    const auto response = harness.post(browser, "/api/v1/auth/vneid/link/new", {{"phone", kPhone}});
    CHECK(response.status == 409);
    CHECK(harness.accounts->count_rows("vneid_links") == 0);
  }
  SUBCASE("a malformed number") {
    Browser browser;
    REQUIRE(harness.log_in(browser).status == 302);
    const auto response = harness.post(browser, "/api/v1/auth/vneid/link/new", {{"phone", "12"}});
    CHECK(response.status == 422);
    CHECK(harness.accounts->count_rows("users") == 0);
  }
}

TEST_CASE("vneid unlink: needs the password, then the account is no longer VNeID-verified") {
  VneidHarness harness;
  harness.accounts->create_account(kPhone, kPassword);
  Browser browser;
  REQUIRE(harness.log_in(browser).status == 302);
  REQUIRE(harness
              .post(browser, "/api/v1/auth/vneid/link/existing",
                    {{"phone", kPhone}, {"password", kPassword}})
              .status == 200);
  const auto wrong = harness.call(browser, "DELETE", "/api/v1/me/vneid",
                                  nlohmann::json({{"password", "wrong-password"}}).dump());
  CHECK(wrong.status == 401);
  CHECK(harness.accounts->count_rows("vneid_links") == 1);
  const auto right = harness.call(browser, "DELETE", "/api/v1/me/vneid",
                                  nlohmann::json({{"password", kPassword}}).dump());
  REQUIRE_MESSAGE(right.status == 200, right.body);
  CHECK(body_of(right)["user"]["vneid_verified"] == false);
  CHECK(harness.accounts->count_rows("vneid_links") == 0);
  const auto me = harness.accounts->get("/api/v1/me", {.cookie = browser.session()});
  CHECK(body_of(me)["user"]["vneid_verified"] == false);
  CHECK(body_of(me)["user"]["so_dinh_danh_masked"].is_null());
  // Signed out, it is refused.
  Browser stranger;
  CHECK(harness
            .call(stranger, "DELETE", "/api/v1/me/vneid",
                  nlohmann::json({{"password", kPassword}}).dump())
            .status == 401);
}

TEST_CASE("vneid config: flags, the secret only from the environment, the default callback") {
  const auto env = [](const char* name) -> std::optional<std::string> {
    if (std::string(name) == "VNEID_CLIENT_SECRET") return "s3cret";
    if (std::string(name) == "VNEID_ISSUER") return "http://127.0.0.1:9100";
    return std::nullopt;
  };
  const auto result =
      parse_config({"--vneid-client-id", "cdscb", "--listen", "127.0.0.1:8081"}, env);
  REQUIRE(result.config.has_value());
  CHECK(result.config->vneid_enabled());
  CHECK(result.config->vneid_issuer == "http://127.0.0.1:9100");
  CHECK(result.config->vneid_client_secret == "s3cret");
  CHECK(result.config->vneid_callback_uri() == "http://127.0.0.1:8081/api/v1/auth/vneid/callback");

  const auto with_origin = parse_config(
      {"--vneid-client-id", "cdscb", "--public-origin", "https://cdscb.example.vn"}, env);
  REQUIRE(with_origin.config.has_value());
  CHECK(with_origin.config->vneid_callback_uri() ==
        "https://cdscb.example.vn/api/v1/auth/vneid/callback");

  // No secret flag exists; a half configuration is a usage error.
  CHECK(parse_config({"--vneid-client-secret", "x"}, env).exit_code == 2);
  const auto no_env = [](const char*) -> std::optional<std::string> { return std::nullopt; };
  CHECK(parse_config({"--vneid-issuer", "http://127.0.0.1:9100", "--vneid-client-id", "c"}, no_env)
            .exit_code == 2);
  const auto off = parse_config({}, no_env);
  REQUIRE(off.config.has_value());
  CHECK_FALSE(off.config->vneid_enabled());
}
