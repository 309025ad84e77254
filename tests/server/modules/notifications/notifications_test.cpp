// Notifications: pages of ?limit= followed by ?cursor= to the end, and the 90-day purge.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <set>

#include "modules/feedback/feedback_harness.h"
#include "modules/accounts/sessions.h"
#include "modules/notifications/store.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

long long user_id(FeedbackHarness& h, const std::string& phone) {
  soci::session sql(h.database().pool());
  long long id = 0;
  sql << "SELECT id FROM users WHERE phone = :phone", soci::use(phone), soci::into(id);
  return id;
}

// `count` notifications for `user`, dated now (more than the API would make in a test's time).
void add_notifications(FeedbackHarness& h, long long user, int count) {
  soci::session sql(h.database().pool());
  const long long now = accounts::unix_seconds(h.clock.now());
  soci::transaction transaction(sql);
  for (int i = 0; i < count; ++i) {
    const std::string text = "Thông báo " + std::to_string(i);
    sql << "INSERT INTO notifications (user_id, text, created_at) VALUES (:user, :text, :now)",
        soci::use(user), soci::use(text), soci::use(now);
  }
  transaction.commit();
}

long long purge(FeedbackHarness& h) {
  soci::session sql(h.database().pool());
  return notifications::purge_old(sql, accounts::unix_seconds(h.clock.now()));
}

}  // namespace

TEST_CASE("notifications come in pages that the cursor walks to the end") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string other = h.citizen("0987654322");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  add_notifications(h, user_id(h, "0987654322"), 7);
  add_notifications(h, user_id(h, "0987654321"), 44);
  // And one made by the real path: the officer receives the citizen's feedback.
  const long long id = h.create(citizen)["id"];
  REQUIRE(h.act(id, {{"action", "receive"}}, officer).status == 200);

  const json first = body_of(h.get("/api/v1/notifications", {.cookie = citizen}));
  CHECK(first["items"].size() == 20);  // the default page
  CHECK(first["unread"] == 45);
  CHECK(first["items"][0]["feedback_id"] == id);  // newest first

  std::vector<long long> seen;
  std::string cursor;
  int pages = 0;
  for (; pages < 10; ++pages) {
    const auto response = h.get("/api/v1/notifications?limit=20" + cursor, {.cookie = citizen});
    REQUIRE_MESSAGE(response.status == 200, response.body);
    const json body = body_of(response);
    CHECK(body["items"].size() <= 20);
    for (const auto& item : body["items"]) seen.push_back(item["id"]);
    if (body["next_cursor"].is_null()) break;
    cursor = "&cursor=" + body["next_cursor"].get<std::string>();
  }
  CHECK(pages == 2);  // 20 + 20 + 5
  CHECK(seen.size() == 45);
  CHECK(std::set<long long>(seen.begin(), seen.end()).size() == 45);
  CHECK(std::is_sorted(seen.rbegin(), seen.rend()));

  const json others = body_of(h.get("/api/v1/notifications?limit=100", {.cookie = other}));
  CHECK(others["items"].size() == 7);
  CHECK(others["next_cursor"].is_null());
  CHECK(h.get("/api/v1/notifications?cursor=zz", {.cookie = citizen}).status == 422);
  CHECK(h.get("/api/v1/notifications?limit=0", {.cookie = citizen}).status == 422);
}

TEST_CASE("notifications older than 90 days are purged, read or not") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const long long user = user_id(h, "0987654321");
  add_notifications(h, user, 3);
  h.clock.advance(std::chrono::hours(24 * 30));
  add_notifications(h, user, 2);
  CHECK(h.post("/api/v1/notifications/read", {{"all", true}}, {.cookie = citizen}).status == 204);

  // Day 90 after the first three: still kept.
  h.clock.advance(std::chrono::hours(24 * 60));
  CHECK(purge(h) == 0);
  h.clock.advance(std::chrono::seconds(1));
  CHECK(purge(h) == 3);
  // Three months idle ended the session too: sign in again.
  const std::string again = h.sign_in("0987654321", "Non nuoc Cao Bang 1");
  const json left = body_of(h.get("/api/v1/notifications", {.cookie = again}));
  CHECK(left["items"].size() == 2);
  CHECK(left["unread"] == 0);
}
