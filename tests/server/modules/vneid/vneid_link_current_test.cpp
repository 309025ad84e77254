// "Liên kết VNeID" from Quản lý tài khoản: a signed-in phone account goes to VNeID and, back with
// the identity, links it to itself after confirming its password.
#include <doctest/doctest.h>

#include "modules/vneid/vneid_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;

namespace {

constexpr const char* kPhone = "0987654321";
constexpr const char* kPassword = "Cao-Bang-2025";
constexpr const char* kLinkCurrent = "/api/v1/auth/vneid/link/current";

// A browser signed in to a new phone account.
Browser signed_in(VneidHarness& harness, const char* phone = kPhone) {
  Browser browser;
  browser.cookies["cdscb_session"] =
      harness.accounts->create_account(phone, kPassword, "Nong Dung");
  return browser;
}

}  // namespace

TEST_CASE("vneid link/current: the password links the identity to the signed-in account") {
  VneidHarness harness;
  Browser browser = signed_in(harness);
  const std::string session = browser.session();
  REQUIRE(harness.log_in(browser).headers.get("Location").value_or("") == "/#/lien-ket-vneid");

  const auto wrong = harness.post(browser, kLinkCurrent, {{"password", "not-the-password"}});
  CHECK(wrong.status == 401);
  CHECK(body_of(wrong)["error"]["fields"]["password"] == "Mật khẩu không đúng.");
  CHECK(harness.accounts->count_rows("vneid_links") == 0);
  CHECK(harness.accounts->count_rows("login_failures") == 1);

  const auto right = harness.post(browser, kLinkCurrent, {{"password", kPassword}});
  REQUIRE_MESSAGE(right.status == 200, right.body);
  const auto user = body_of(right)["user"];
  CHECK(user["phone"] == kPhone);
  CHECK(user["vneid_verified"] == true);
  CHECK(user["full_name"] == "Nông Văn Dũng");  // VNeID's name replaces the typed one
  CHECK(browser.session() == session);          // the same session goes on
  CHECK_FALSE(browser.has("cdscb_vneid"));      // the attempt is over
  CHECK(harness.get(browser, "/api/v1/auth/vneid/pending").status == 404);

  // The next VNeID login goes straight into this account.
  Browser later;
  CHECK(harness.log_in(later).headers.get("Location").value_or("") == "/#/");
  const auto me = harness.accounts->get("/api/v1/me", {.cookie = later.session()});
  CHECK(body_of(me)["user"]["phone"] == kPhone);
  CHECK(harness.accounts->count_rows("users") == 1);
}

TEST_CASE("vneid link/current: refused signed out, without an identity, or without a password") {
  VneidHarness harness;
  SUBCASE("signed out") {
    Browser stranger;
    REQUIRE(harness.log_in(stranger).status == 302);
    const auto response = harness.post(stranger, kLinkCurrent, {{"password", kPassword}});
    CHECK(response.status == 401);
    CHECK(body_of(response)["error"]["code"] == "unauthenticated");
  }
  SUBCASE("no identity came back from VNeID") {
    Browser browser = signed_in(harness);
    const auto response = harness.post(browser, kLinkCurrent, {{"password", kPassword}});
    CHECK(response.status == 404);
    CHECK(body_of(response)["error"]["code"] == "no_pending");
  }
  SUBCASE("an empty password, or a body of the wrong shape") {
    Browser browser = signed_in(harness);
    REQUIRE(harness.log_in(browser).status == 302);
    const auto empty = harness.post(browser, kLinkCurrent, {{"password", ""}});
    CHECK(empty.status == 422);
    CHECK(body_of(empty)["error"]["fields"]["password"] == "Vui lòng nhập mật khẩu.");
    CHECK(harness.post(browser, kLinkCurrent, {{"password", 12345678}}).status == 422);
    CHECK(harness.call(browser, "POST", kLinkCurrent, "[1]").status == 400);
  }
  CHECK(harness.accounts->count_rows("vneid_links") == 0);
}

TEST_CASE("vneid link/current: an identity linked to another account is not moved") {
  VneidHarness harness;
  Browser first;
  REQUIRE(harness.log_in(first).status == 302);
  REQUIRE(harness.post(first, "/api/v1/auth/vneid/link/new", nlohmann::json::object()).status ==
          201);
  // Someone else, signed in to their phone account, brings back the same identity: the callback
  // signs the browser in to the linked account, so the pending identity is gone.
  Browser other = signed_in(harness, "0911222333");
  const auto callback = harness.log_in(other);
  CHECK(callback.headers.get("Location").value_or("") == "/#/");
  CHECK(harness.post(other, kLinkCurrent, {{"password", kPassword}}).status == 404);
  CHECK(harness.accounts->count_rows("vneid_links") == 1);
}

TEST_CASE("vneid link/current: repeated wrong passwords meet the login's lockout") {
  VneidHarness harness;
  Browser browser = signed_in(harness);
  REQUIRE(harness.log_in(browser).status == 302);
  for (int i = 0; i < 5; ++i) {
    CHECK(harness.post(browser, kLinkCurrent, {{"password", "wrong-password"}}).status == 401);
    harness.advance(std::chrono::seconds(20));  // past the slow-down
  }
  CHECK(harness.post(browser, kLinkCurrent, {{"password", kPassword}}).status == 429);
  CHECK(harness.accounts->count_rows("vneid_links") == 0);
}
