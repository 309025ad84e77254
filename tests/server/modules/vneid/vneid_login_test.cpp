// "Đăng nhập bằng VNeID" through the routes: the redirect, the first login that asks to link,
// creating the linked account, and the later login that goes straight in.
#include <doctest/doctest.h>

#include "modules/vneid/vneid_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
namespace fake = cdscb::server::testing::vneid;

namespace {

std::string location(const http::Response& response) {
  return std::string(response.headers.get("Location").value_or(""));
}

}  // namespace

TEST_CASE("vneid routes: start redirects to the provider and sets the attempt cookie") {
  VneidHarness harness;
  Browser browser;
  const auto response = harness.get(browser, "/api/v1/auth/vneid/start");
  REQUIRE(response.status == 302);
  const std::string url = location(response);
  CHECK(url.starts_with(std::string(fake::kIssuer) + "/auth?"));
  const auto params = fake::query_params(url);
  CHECK(params.at("code_challenge_method") == "S256");
  CHECK(params.at("redirect_uri") == fake::kRedirectUri);
  CHECK_FALSE(params.at("state").empty());
  const std::string cookie(response.headers.get("Set-Cookie").value_or(""));
  CHECK(cookie.starts_with("cdscb_vneid="));
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Lax") != std::string::npos);
  CHECK(cookie.find("Path=/api/v1/auth/vneid") != std::string::npos);
  CHECK(cookie.find("Max-Age=600") != std::string::npos);
  CHECK(browser.has("cdscb_vneid"));
  CHECK(harness.accounts->count_rows("vneid_states") == 1);
  CHECK(url.find("code_verifier=") == std::string::npos);  // the verifier stays on the server
}

TEST_CASE("vneid routes: without configuration start answers 404 with a message") {
  VneidHarness harness(false);
  Browser browser;
  const auto response = harness.get(browser, "/api/v1/auth/vneid/start");
  CHECK(response.status == 404);
  CHECK(body_of(response)["error"]["message"] == "Đăng nhập bằng VNeID chưa được cấu hình.");
  CHECK_FALSE(browser.has("cdscb_vneid"));
}

TEST_CASE(
    "vneid routes: first login → pending → link/new → signed in; later logins go straight in") {
  VneidHarness harness;
  Browser browser;
  const auto first = harness.log_in(browser);
  CHECK(first.status == 302);
  CHECK(location(first) == "/#/lien-ket-vneid");
  CHECK(browser.session().empty());

  const auto pending = harness.get(browser, "/api/v1/auth/vneid/pending");
  REQUIRE_MESSAGE(pending.status == 200, pending.body);
  const auto identity = body_of(pending)["identity"];
  CHECK(identity["ho_va_ten"] == "Nông Văn Dũng");
  CHECK(identity["so_dinh_danh_masked"] == "004*******45");
  CHECK(identity["ngay_sinh"] == "1985-03-12");
  CHECK(identity["gioi_tinh"] == "Nam");
  CHECK(identity["so_dien_thoai"] == "0912000101");
  CHECK(pending.body.find("004085012345") == std::string::npos);

  const auto created =
      harness.post(browser, "/api/v1/auth/vneid/link/new", nlohmann::json::object());
  REQUIRE_MESSAGE(created.status == 201, created.body);
  const auto user = body_of(created)["user"];
  CHECK(user["full_name"] == "Nông Văn Dũng");
  CHECK(user["phone"] == "0912000101");
  CHECK(user["vneid_verified"] == true);
  CHECK(user["birth_date"] == "1985-03-12");
  CHECK(user["gender"] == "nam");
  REQUIRE_FALSE(browser.session().empty());
  CHECK_FALSE(browser.has("cdscb_vneid"));  // the attempt is over

  const auto me = harness.accounts->get("/api/v1/me", {.cookie = browser.session()});
  REQUIRE(me.status == 200);
  CHECK(body_of(me)["user"]["vneid_verified"] == true);
  CHECK(body_of(me)["user"]["so_dinh_danh_masked"] == "004*******45");
  CHECK(harness.accounts->count_rows("vneid_links", "so_dinh_danh = '004085012345' AND sub = '" +
                                                        std::string(fake::kSubject) + "'") == 1);

  // The pending record was consumed: a second link/new finds nothing.
  Browser same = browser;
  CHECK(harness.post(same, "/api/v1/auth/vneid/link/new", nlohmann::json::object()).status == 404);

  // A later login from another browser goes straight in.
  Browser other;
  const auto second = harness.log_in(other);
  CHECK(second.status == 302);
  CHECK(location(second) == "/#/");
  REQUIRE_FALSE(other.session().empty());
  CHECK(other.session() != browser.session());
  CHECK_FALSE(other.has("cdscb_vneid"));
  const auto me_again = harness.accounts->get("/api/v1/me", {.cookie = other.session()});
  REQUIRE(me_again.status == 200);
  CHECK(body_of(me_again)["user"]["id"] == user["id"]);
  CHECK(harness.accounts->count_rows("users") == 1);
}

TEST_CASE("vneid routes: cancelling at the provider is remembered for the linking screen") {
  VneidHarness harness;
  Browser browser;
  const std::string url = harness.start(browser);
  const std::string state = fake::query_params(url)["state"];
  const auto response =
      harness.callback(browser, query_string({{"error", "access_denied"}, {"state", state}}));
  CHECK(response.status == 302);
  CHECK(location(response) == "/#/lien-ket-vneid");
  CHECK(browser.session().empty());
  const auto pending = harness.get(browser, "/api/v1/auth/vneid/pending");
  CHECK(pending.status >= 400);
  CHECK(pending.status < 500);
  CHECK(body_of(pending)["error"]["message"] == "Bạn đã hủy đăng nhập bằng VNeID.");
  CHECK(harness.provider.count("/token") == 0);
}

TEST_CASE("vneid routes: pending without an attempt is 404 no_pending") {
  VneidHarness harness;
  Browser browser;
  const auto response = harness.get(browser, "/api/v1/auth/vneid/pending");
  CHECK(response.status == 404);
  CHECK(body_of(response)["error"]["code"] == "no_pending");
}

TEST_CASE("vneid routes: the pending identity lapses after 10 minutes") {
  VneidHarness harness;
  Browser browser;
  REQUIRE(harness.log_in(browser).status == 302);
  harness.advance(std::chrono::seconds(601));
  CHECK(harness.get(browser, "/api/v1/auth/vneid/pending").status == 404);
  CHECK(harness.post(browser, "/api/v1/auth/vneid/link/new", nlohmann::json::object()).status ==
        404);
  CHECK(harness.accounts->count_rows("users") == 0);
}
