// Many clients at once through the router, on SQLite and PostgreSQL: officials acting on the same
// feedback, the author rating and reopening, and retries of one creation with the same
// Idempotency-Key. Each race has one winner, the others a 409 (or the winner's record), never a
// 500 and never a second timeline entry.
#include <doctest/doctest.h>

#include <set>

#include "modules/concurrency_support.h"
#include "modules/feedback/feedback_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

constexpr int kClients = 8;
constexpr const char* kInvalidTransition =
    "Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh.";

std::vector<std::string> officers(FeedbackHarness& h, int count) {
  std::vector<std::string> out;
  for (int i = 0; i < count; ++i) {
    out.push_back(h.official("officer", "09000002" + std::to_string(10 + i), "so-xay-dung"));
  }
  return out;
}

// The timeline entries of feedback `id` for `action`.
int updates(FeedbackHarness& h, long long id, const std::string& action) {
  return h.count_rows("feedback_updates",
                      "feedback_id = " + std::to_string(id) + " AND action = '" + action + "'");
}

void check_losers(const std::vector<cdscb::server::http::Response>& answers,
                  const std::string& code, const std::string& message) {
  CHECK(count_status(answers, 200) == 1);
  CHECK(count_status(answers, 409) == kClients - 1);
  for (const auto& answer : answers) {
    if (answer.status != 409) continue;
    CHECK(body_of(answer)["error"]["code"] == code);
    CHECK(body_of(answer)["error"]["message"] == message);
  }
}

}  // namespace

TEST_CASE("officials acting at once on one feedback: one update, the others 409") {
  for_each_database(kClients, [](db::Database& database) {
    FeedbackHarness h(database);
    const std::string citizen = h.citizen("0987654321");
    const std::vector<std::string> staff = officers(h, kClients);
    const long long id = h.create(citizen)["id"].get<long long>();

    const auto received = at_once(kClients, [&](int i) {
      return h.act(id, {{"action", "receive"}}, staff[static_cast<std::size_t>(i)]);
    });
    check_losers(received, "invalid_transition", kInvalidTransition);
    CHECK(updates(h, id, "receive") == 1);
    CHECK(h.count_rows("notifications", "feedback_id = " + std::to_string(id)) == 1);

    // Answering and refusing race too: whichever commits first, the other finds it closed.
    const auto answered = at_once(kClients, [&](int i) {
      const std::string action = i % 2 == 0 ? "resolve" : "reject";
      return h.act(id, {{"action", action}, {"note", "Đã xử lý xong " + std::to_string(i)}},
                   staff[static_cast<std::size_t>(i)]);
    });
    check_losers(answered, "invalid_transition", kInvalidTransition);
    CHECK(updates(h, id, "resolve") + updates(h, id, "reject") == 1);
    const json detail =
        body_of(h.get("/api/v1/feedback/" + std::to_string(id), {.cookie = citizen}));
    CHECK(detail["feedback"]["updates"].size() == 3);  // submit, receive, the answer
  });
}

TEST_CASE("the author rating or reopening several times at once: one takes effect") {
  for_each_database(kClients, [](db::Database& database) {
    FeedbackHarness h(database);
    const std::string citizen = h.citizen("0987654321");
    const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
    const long long id = h.create(citizen)["id"].get<long long>();
    REQUIRE(h.act(id, {{"action", "receive"}}, officer).status == 200);
    REQUIRE(h.act(id, {{"action", "resolve"}, {"note", "Đã vá ổ gà."}}, officer).status == 200);
    const std::string path = "/api/v1/feedback/" + std::to_string(id);

    const auto rated = at_once(kClients, [&](int i) {
      return h.post(path + "/rating", {{"stars", 1 + i % 5}}, {.cookie = citizen});
    });
    check_losers(rated, "already_rated", "Bạn đã đánh giá phản ánh này.");
    CHECK(updates(h, id, "rate") == 1);

    const auto reopened = at_once(kClients, [&](int i) {
      return h.post(path + "/reopen", {{"reason", "Ổ gà lại xuất hiện " + std::to_string(i)}},
                    {.cookie = citizen});
    });
    check_losers(reopened, "invalid_transition",
                 "Chỉ mở lại được phản ánh đã giải quyết, và chỉ một lần.");
    CHECK(updates(h, id, "reopen") == 1);
    const json feedback = body_of(h.get(path, {.cookie = citizen}))["feedback"];
    CHECK(feedback["status"] == "in_progress");
    CHECK(feedback["updates"].size() == 5);  // submit, receive, resolve, rate, reopen
  });
}

TEST_CASE("the same Idempotency-Key sent at once makes one feedback, and every answer is it") {
  for_each_database(kClients, [](db::Database& database) {
    FeedbackHarness h(database);
    const std::string citizen = h.citizen("0987654321");
    const std::string key = new_key();
    const auto answers = at_once(kClients, [&](int) { return h.send(draft(), citizen, key); });
    CHECK(count_status(answers, 201) == 1);
    CHECK(count_status(answers, 200) == kClients - 1);
    std::set<long long> ids;
    for (const auto& answer : answers) {
      REQUIRE_MESSAGE((answer.status == 200 || answer.status == 201), answer.body);
      ids.insert(body_of(answer)["feedback"]["id"].get<long long>());
    }
    CHECK(ids.size() == 1);
    CHECK(h.count_rows("feedback") == 1);
    CHECK(h.count_rows("feedback_updates", "action = 'submit'") == 1);

    // A later retry still finds it.
    const auto again = h.send(draft(), citizen, key);
    CHECK(again.status == 200);
    CHECK(body_of(again)["feedback"]["id"] == *ids.begin());
  });
}

TEST_CASE("one Idempotency-Key with another body is refused; another account's key is its own") {
  for_each_database(kClients, [](db::Database& database) {
    FeedbackHarness h(database);
    const std::string citizen = h.citizen("0987654321");
    const std::string key = new_key();
    json other = draft();
    other["title"] = "Đèn đường hỏng trên phố Vườn Cam";

    // Two different bodies race under one key: one is created, every other answer is that
    // record (same body) or 422 (the other body), never a second record or a 500.
    const auto answers = at_once(
        kClients, [&](int i) { return h.send(i % 2 == 0 ? draft() : other, citizen, key); });
    CHECK(count_status(answers, 201) == 1);
    CHECK(count_status(answers, 201) + count_status(answers, 200) == kClients / 2);
    CHECK(count_status(answers, 422) == kClients / 2);
    CHECK(h.count_rows("feedback") == 1);
    std::string created_title;
    for (const auto& answer : answers) {
      if (answer.status == 201) created_title = body_of(answer)["feedback"]["title"];
    }
    for (const auto& answer : answers) {
      if (answer.status == 422) {
        CHECK(body_of(answer)["error"]["code"] == "idempotency_key_reused");
        CHECK(body_of(answer)["error"]["message"] ==
              "Khóa chống gửi trùng (Idempotency-Key) này đã được dùng cho một yêu cầu khác. "
              "Vui lòng tạo khóa mới cho mỗi lần gửi.");
      } else {
        CHECK(body_of(answer)["feedback"]["title"] == created_title);
      }
    }

    // Later, the body that lost is still refused.
    const json loser = created_title == draft()["title"] ? other : draft();
    CHECK(h.send(loser, citizen, key).status == 422);

    // Another citizen with the same key gets a record of their own, not this one.
    const std::string neighbour = h.citizen("0912345678", "Lý Thị Mai");
    const auto theirs = h.send(other, neighbour, key);
    REQUIRE_MESSAGE(theirs.status == 201, theirs.body);
    CHECK(body_of(theirs)["feedback"]["title"] == other["title"]);
    CHECK(h.count_rows("feedback") == 2);
  });
}
