// Attacks on the VNeID callback that must fail: each ends in a redirect to the linking screen with
// no session cookie, no account and the right error remembered for the attempt.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <functional>

#include "modules/vneid/vneid_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
namespace fake = cdscb::server::testing::vneid;

namespace {

constexpr const char* kInvalidState =
    "Phiên đăng nhập VNeID không hợp lệ hoặc đã hết hạn. Vui lòng thử lại.";
constexpr const char* kFailed = "Không xác thực được với VNeID. Vui lòng thử lại sau.";

struct Started {
  std::string code;
  std::string state;
};

Started start(VneidHarness& harness, Browser& browser) {
  const std::string url = harness.start(browser);
  return {harness.provider.authorize(url), fake::query_params(url)["state"]};
}

std::string callback_query(const Started& started) {
  return query_string({{"code", started.code}, {"state", started.state}, {"iss", fake::kIssuer}});
}

// The callback refused: no session, nothing linked, back to the linking screen, and `message`
// remembered for the browser's attempt.
void check_refused(VneidHarness& harness, Browser& browser, const http::Response& callback,
                   const std::string& message) {
  CHECK(callback.status == 302);
  CHECK(callback.headers.get("Location").value_or("") == "/#/lien-ket-vneid");
  CHECK_FALSE(callback.headers.get("Set-Cookie").has_value());
  CHECK(browser.session().empty());
  CHECK(harness.accounts->count_rows("sessions") == 0);
  const auto pending = harness.get(browser, "/api/v1/auth/vneid/pending");
  CHECK(pending.status >= 400);
  CHECK(pending.status < 500);
  CHECK(body_of(pending)["error"]["message"] == message);
  // Nothing to link with.
  CHECK(harness.post(browser, "/api/v1/auth/vneid/link/new", nlohmann::json::object()).status >=
        400);
  CHECK(harness.accounts->count_rows("users") == 0);
}

// A linked account already exists, so a successful callback would sign in: the attacks below must
// not, whatever they try.
void link_citizen(VneidHarness& harness) {
  Browser owner;
  REQUIRE(harness.log_in(owner).status == 302);
  REQUIRE(harness.post(owner, "/api/v1/auth/vneid/link/new", nlohmann::json::object()).status ==
          201);
  soci::session sql(harness.database->pool());
  sql << "DELETE FROM sessions";
}

void check_refused_after_link(VneidHarness& harness, Browser& browser,
                              const http::Response& callback, const std::string& message) {
  CHECK(callback.status == 302);
  CHECK(callback.headers.get("Location").value_or("") == "/#/lien-ket-vneid");
  CHECK(browser.session().empty());
  CHECK(harness.accounts->count_rows("sessions") == 0);
  const auto pending = harness.get(browser, "/api/v1/auth/vneid/pending");
  CHECK(body_of(pending)["error"]["message"] == message);
}

}  // namespace

TEST_CASE("vneid attack: a callback with a wrong state signs no one in") {
  VneidHarness harness;
  link_citizen(harness);
  Browser browser;
  Started started = start(harness, browser);
  started.state = "forged-state";
  check_refused_after_link(harness, browser, harness.callback(browser, callback_query(started)),
                           kInvalidState);
  CHECK(harness.provider.count("/token") == 1);  // only the owner's login reached the provider
}

TEST_CASE("vneid attack: a callback without state signs no one in") {
  VneidHarness harness;
  Browser browser;
  const Started started = start(harness, browser);
  check_refused(harness, browser, harness.callback(browser, query_string({{"code", started.code}})),
                kInvalidState);
}

TEST_CASE("vneid attack: a reused state signs no one in the second time") {
  VneidHarness harness;
  link_citizen(harness);
  Browser browser;
  const Started started = start(harness, browser);
  const Browser before = browser;  // the attempt cookie as it was before the callback
  const auto first = harness.callback(browser, callback_query(started));
  REQUIRE(first.headers.get("Location").value_or("") == "/#/");
  REQUIRE_FALSE(browser.session().empty());
  {
    soci::session sql(harness.database->pool());
    sql << "DELETE FROM sessions";
  }
  Browser replay = before;
  check_refused_after_link(harness, replay, harness.callback(replay, callback_query(started)),
                           kInvalidState);
  CHECK(harness.provider.count("/token") == 2);  // the replay never reached the provider
}

TEST_CASE("vneid attack: a state replayed with the attempt cookie kept is refused") {
  VneidHarness harness;
  Browser browser;
  const Started started = start(harness, browser);
  const Browser saved = browser;
  REQUIRE(harness.callback(browser, callback_query(started)).status == 302);
  Browser again = saved;  // the attempt cookie as it was before the first callback
  const auto second = harness.callback(again, callback_query(started));
  CHECK(second.headers.get("Location").value_or("") == "/#/lien-ket-vneid");
  CHECK(again.session().empty());
  const auto pending = harness.get(again, "/api/v1/auth/vneid/pending");
  CHECK(body_of(pending)["error"]["message"] == kInvalidState);
  CHECK(harness.provider.count("/token") == 1);
}

TEST_CASE("vneid attack: an expired state signs no one in") {
  VneidHarness harness;
  link_citizen(harness);
  Browser browser;
  const Started started = start(harness, browser);
  harness.advance(std::chrono::seconds(601));
  check_refused_after_link(harness, browser, harness.callback(browser, callback_query(started)),
                           kInvalidState);
}

TEST_CASE("vneid attack: a state from another browser's attempt signs no one in") {
  VneidHarness harness;
  link_citizen(harness);
  Browser victim;
  const Started victims = start(harness, victim);
  Browser attacker;
  start(harness, attacker);  // the attacker has an attempt cookie of their own
  check_refused_after_link(harness, attacker, harness.callback(attacker, callback_query(victims)),
                           kInvalidState);
  // The victim's state was not used up by the attempt.
  const auto victim_callback = harness.callback(victim, callback_query(victims));
  CHECK(victim_callback.headers.get("Location").value_or("") == "/#/");
  CHECK_FALSE(victim.session().empty());
}

TEST_CASE("vneid attack: a callback without the attempt cookie signs no one in") {
  VneidHarness harness;
  link_citizen(harness);
  Browser victim;
  const Started started = start(harness, victim);
  Browser stranger;
  const auto response = harness.callback(stranger, callback_query(started));
  CHECK(response.headers.get("Location").value_or("") == "/#/lien-ket-vneid");
  CHECK(stranger.session().empty());
  CHECK(harness.accounts->count_rows("sessions") == 0);
}

TEST_CASE("vneid attack: an iss parameter naming another issuer signs no one in") {
  VneidHarness harness;
  link_citizen(harness);
  Browser browser;
  const Started started = start(harness, browser);
  check_refused_after_link(
      harness, browser,
      harness.callback(browser, query_string({{"code", started.code},
                                              {"state", started.state},
                                              {"iss", "https://evil.example"}})),
      kFailed);
  CHECK(harness.provider.count("/token") == 1);
}

TEST_CASE("vneid attack: a reused authorization code signs no one in") {
  VneidHarness harness;
  link_citizen(harness);
  // The owner's code, already redeemed, injected into a fresh attempt.
  Browser browser;
  const Started fresh = start(harness, browser);
  const auto response = harness.callback(
      browser, query_string({{"code", "code-1"}, {"state", fresh.state}, {"iss", fake::kIssuer}}));
  check_refused_after_link(harness, browser, response, kFailed);
}

TEST_CASE("vneid attack: ID tokens that fail verification sign no one in") {
  struct Case {
    const char* name;
    std::function<void(fake::FakeProvider&)> tamper;
  };
  const Case cases[] = {
      {"bad signature", [](fake::FakeProvider& p) { p.signing_key = &fake::other_key(); }},
      {"wrong audience", [](fake::FakeProvider& p) { p.id_claims["aud"] = "another-service"; }},
      {"expired",
       [](fake::FakeProvider& p) {
         p.id_claims["iat"] = fake::unix_time(p.now) - 1200;
         p.id_claims["exp"] = fake::unix_time(p.now) - 61;
       }},
      {"alg none",
       [](fake::FakeProvider& p) {
         p.tamper_id_token = [](const std::string& token) {
           nlohmann::json header = fake::decode_part(token, 0);
           header["alg"] = "none";
           return fake::encode_part(header) + "." + fake::encode_part(fake::decode_part(token, 1)) +
                  ".";
         };
       }},
      {"HS256 keyed with the public key",
       [](fake::FakeProvider& p) {
         p.tamper_id_token = [](const std::string& token) {
           return fake::sign_hs256({{"alg", "HS256"}, {"typ", "JWT"}, {"kid", "k1"}},
                                   fake::decode_part(token, 1), fake::provider_key().public_pem());
         };
       }},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    {
      VneidHarness harness;
      link_citizen(harness);
      c.tamper(harness.provider);
      Browser browser;
      const Started started = start(harness, browser);
      check_refused_after_link(harness, browser, harness.callback(browser, callback_query(started)),
                               kFailed);
      CHECK(harness.provider.count("/token") == 2);  // it did reach the token endpoint
    }
  }
}

TEST_CASE("vneid attack: a tampered ID token on a first login leaves nothing to link") {
  VneidHarness harness;
  harness.provider.signing_key = &fake::other_key();
  Browser browser;
  const Started started = start(harness, browser);
  check_refused(harness, browser, harness.callback(browser, callback_query(started)), kFailed);
}
