// The rate limits on creating feedback, following and "Phản ánh tương tự": through the router
// with the harness clock, on SQLite and (when CDSCB_TEST_POSTGRES_URL is set) PostgreSQL, and
// with many clients at once.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "db/migrations.h"
#include "db/test_database.h"
#include "modules/feedback/feedback_harness.h"
#include "modules/feedback/limits.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

constexpr char kSimilar[] = "/api/v1/feedback/similar?field=giao-thong&lat=22.666&lng=106.258";

void check_refused(const http::Response& response, const std::string& retry_after,
                   const std::string& wait) {
  REQUIRE_MESSAGE(response.status == 429, response.body);
  CHECK(response.headers.get("Retry-After").value_or("") == retry_after);
  const json body = body_of(response);
  CHECK(body["error"]["code"] == "rate_limited");
  CHECK(body["error"]["retry_after"] == std::stoll(retry_after));
  CHECK(body["error"]["message"] == "Bạn đã thao tác quá nhiều lần. Hãy thử lại sau " + wait + ".");
}

// 10 an hour, 30 a day; a replayed key is not counted; the next hour opens again.
void check_create_limits(FeedbackHarness& h) {
  const std::string citizen = h.citizen("0987654321");
  const std::string other = h.citizen("0987654322");
  // The harness clock stands at 05:00:00 UTC: the hour's window has all of its 3600 s left.
  std::string first_key;
  for (long long i = 0; i < feedback::kCreatePerHour.limit; ++i) {
    const std::string key = new_key();
    if (first_key.empty()) first_key = key;
    REQUIRE(h.send(draft(), citizen, key).status == 201);
  }
  check_refused(h.send(draft(), citizen, new_key()), "3600", "60 phút");
  CHECK(h.count_rows("feedback") == feedback::kCreatePerHour.limit);
  // The outbox resending a feedback whose answer it lost still hears it was created.
  CHECK(h.send(draft(), citizen, first_key).status == 200);
  // Another account has its own counter.
  CHECK(h.send(draft(), other, new_key()).status == 201);

  h.clock.advance(std::chrono::minutes(59) + std::chrono::seconds(30));
  check_refused(h.send(draft(), citizen, new_key()), "30", "1 phút");
  h.clock.advance(std::chrono::seconds(30));
  // 06:00 and 07:00: ten more each, then the day's 30 are used up.
  for (int hour = 0; hour < 2; ++hour) {
    for (long long i = 0; i < feedback::kCreatePerHour.limit; ++i) {
      REQUIRE(h.send(draft(), citizen, new_key()).status == 201);
    }
    h.clock.advance(std::chrono::hours(1));
  }
  // 08:00 UTC: the day (UTC) ends in 16 hours.
  check_refused(h.send(draft(), citizen, new_key()), "57600", "16 giờ");
  h.clock.advance(std::chrono::hours(16));
  CHECK(h.send(draft(), citizen, new_key()).status == 201);
}

}  // namespace

TEST_CASE("creating feedback is limited per account per hour and per day") {
  FeedbackHarness h;
  check_create_limits(h);
}

TEST_CASE("following and unfollowing share one limit per account") {
  FeedbackHarness h;
  const std::string author = h.citizen("0987654321");
  const std::string follower = h.citizen("0987654322");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  const long long id = h.create(author)["id"];
  REQUIRE(h.act(id, {{"action", "publish"}}, officer).status == 200);
  const std::string path = "/api/v1/feedback/" + std::to_string(id) + "/follow";
  for (long long i = 0; i < feedback::kFollowPerHour.limit; ++i) {
    const auto response = i % 2 == 0 ? h.post(path, json::object(), {.cookie = follower})
                                     : h.del(path, {.cookie = follower});
    REQUIRE_MESSAGE(response.status == 204, response.body);
  }
  check_refused(h.post(path, json::object(), {.cookie = follower}), "3600", "60 phút");
  check_refused(h.del(path, {.cookie = follower}), "3600", "60 phút");
  h.clock.advance(std::chrono::hours(1));
  CHECK(h.post(path, json::object(), {.cookie = follower}).status == 204);
}

TEST_CASE("\"similar\" is limited per account") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  h.create(citizen);
  for (long long i = 0; i < feedback::kSimilarPerHour.limit; ++i) {
    REQUIRE(h.get(kSimilar, {.cookie = citizen}).status == 200);
  }
  check_refused(h.get(kSimilar, {.cookie = citizen}), "3600", "60 phút");
  const std::string other = h.citizen("0987654322");
  CHECK(h.get(kSimilar, {.cookie = other}).status == 200);
}

TEST_CASE("many clients at once: exactly the limit passes") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  constexpr int kThreads = 8, kEach = 5;
  std::atomic<int> created{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        const int status = h.send(draft(), citizen, new_key()).status;
        (status == 201 ? created : status == 429 ? refused : other)++;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(created == feedback::kCreatePerHour.limit);
  CHECK(refused == kThreads * kEach - feedback::kCreatePerHour.limit);
  CHECK(other == 0);
  CHECK(h.count_rows("feedback") == feedback::kCreatePerHour.limit);
}
