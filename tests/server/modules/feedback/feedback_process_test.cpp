// Processing by officials: the queue, the status machine, agency scoping, the answer, rating and
// reopening, notifications for the author and followers.
#include <doctest/doctest.h>

#include "modules/feedback/feedback_harness.h"

using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

struct Scene {
  FeedbackHarness h;
  std::string citizen = h.citizen("0987654321");
  std::string officer = h.official("officer", "0900000102", "so-xay-dung", "Trần Văn Bình");
  std::string other_officer = h.official("officer", "0900000103", "cong-an-tinh", "Đỗ Văn Công");
  json feedback = h.create(citizen);
  long long id = feedback["id"].get<long long>();
  std::string path = "/api/v1/feedback/" + std::to_string(id);
};

}  // namespace

TEST_CASE("an official receives, answers and resolves; the citizen sees the answer and rates it") {
  Scene s;
  const std::string follower = s.h.citizen("0912345678", "Lý Thị Mai");
  // Open feedback may be followed with the token "Phản ánh tương tự" shows.
  const json similar = body_of(s.h.get(
      "/api/v1/feedback/similar?field=giao-thong&lat=22.666&lng=106.258", {.cookie = follower}));
  REQUIRE(similar["items"].size() == 1);
  CHECK(s.h.post("/api/v1/feedback/following", {{"token", similar["items"][0]["follow_token"]}},
                 {.cookie = follower})
            .status == 200);

  const auto queue = s.h.get("/api/v1/officer/feedback", {.cookie = s.officer});
  REQUIRE(queue.status == 200);
  REQUIRE(body_of(queue)["items"].size() == 1);
  CHECK(body_of(queue)["items"][0]["author"]["name"] == "Nông Văn Dũng");

  auto received = s.h.act(s.id, {{"action", "receive"}}, s.officer);
  REQUIRE_MESSAGE(received.status == 200, received.body);
  CHECK(body_of(received)["feedback"]["status"] == "received");
  CHECK(body_of(received)["feedback"]["status_label"] == "Đã tiếp nhận");
  CHECK(s.h.act(s.id, {{"action", "start"}}, s.officer).status == 200);
  CHECK(s.h.act(s.id, {{"action", "resolve"}}, s.officer).status == 422);  // the answer is needed
  const auto resolved =
      s.h.act(s.id, {{"action", "resolve"}, {"note", "Đã vá ổ gà ngày 05/3."}}, s.officer);
  REQUIRE_MESSAGE(resolved.status == 200, resolved.body);

  const json seen = body_of(s.h.get(s.path, {.cookie = s.citizen}))["feedback"];
  CHECK(seen["status"] == "resolved");
  CHECK(seen["answer"]["text"] == "Đã vá ổ gà ngày 05/3.");
  CHECK(seen["answer"]["by"]["name"] == "Trần Văn Bình");
  CHECK(seen["answer"]["by"]["agency"] == "Sở Xây dựng");
  CHECK(seen["can_reopen"] == true);
  // "Giao thông" is published by default once answered.
  CHECK(seen["published"] == true);
  const json updates = seen["updates"];
  REQUIRE(updates.size() == 4);
  CHECK(updates[1]["action"] == "receive");
  CHECK(updates[1]["actor"]["name"] == "Trần Văn Bình");
  CHECK(updates[1]["actor"]["role"] == "officer");
  CHECK(updates[3]["note"] == "Đã vá ổ gà ngày 05/3.");

  const auto notes = body_of(s.h.get("/api/v1/notifications", {.cookie = s.citizen}));
  CHECK(notes["unread"] == 3);
  CHECK(notes["items"][0]["text"] ==
        "Phản ánh “Ổ gà lớn trên đường Kim Đồng” đã có kết quả giải quyết.");
  CHECK(notes["items"][0]["feedback_id"] == s.id);

  const auto rated =
      s.h.post(s.path + "/rating", {{"stars", 5}, {"comment", "Cảm ơn!"}}, {.cookie = s.citizen});
  REQUIRE_MESSAGE(rated.status == 200, rated.body);
  CHECK(body_of(rated)["feedback"]["rating"] == json({{"stars", 5}, {"comment", "Cảm ơn!"}}));
  CHECK(s.h.post(s.path + "/rating", {{"stars", 1}}, {.cookie = s.citizen}).status == 409);
  CHECK(s.h.post(s.path + "/rating", {{"stars", 5}}, {.cookie = follower}).status == 403);
  const auto follower_notes = body_of(s.h.get("/api/v1/notifications", {.cookie = follower}));
  CHECK(follower_notes["unread"] == 4);  // receive, start, resolve and the rating
  CHECK(s.h.post("/api/v1/notifications/read", {{"all", true}}, {.cookie = follower}).status ==
        204);
  CHECK(body_of(s.h.get("/api/v1/notifications", {.cookie = follower}))["unread"] == 0);
}

TEST_CASE("an illegal status transition is 409 and changes nothing") {
  Scene s;
  const auto response = s.h.act(s.id, {{"action", "resolve"}, {"note", "Xong"}}, s.officer);
  CHECK(response.status == 409);
  CHECK(body_of(response)["error"]["code"] == "invalid_transition");
  CHECK(s.h.act(s.id, {{"action", "fly"}}, s.officer).status == 422);
  CHECK(s.h.count_rows("feedback", "status = 'submitted'") == 1);
  CHECK(s.h.count_rows("feedback_updates") == 1);
  CHECK(s.h.count_rows("notifications") == 0);
}

TEST_CASE("an official cannot act outside their agency, nor a citizen as an official") {
  Scene s;
  // Unpublished feedback of another agency is none of theirs: as good as missing (a published
  // one is "of another agency": feedback_colleagues_test.cpp).
  const auto other = s.h.act(s.id, {{"action", "receive"}}, s.other_officer);
  CHECK(other.status == 404);
  CHECK(body_of(other)["error"]["message"] == "Không tìm thấy phản ánh.");
  CHECK(s.h.get(s.path, {.cookie = s.other_officer}).status == 404);
  CHECK(body_of(s.h.get("/api/v1/officer/feedback", {.cookie = s.other_officer}))["items"].empty());
  CHECK(s.h.act(s.id, {{"action", "receive"}}, s.citizen).status == 403);
  CHECK(s.h.get("/api/v1/officer/feedback", {.cookie = s.citizen}).status == 403);
  CHECK(s.h.count_rows("feedback", "status = 'submitted'") == 1);
  // An admin acts for every agency.
  const std::string admin = s.h.official("admin", "0900000101", "");
  CHECK(s.h.act(s.id, {{"action", "receive"}}, admin).status == 200);
}

TEST_CASE("transfer to another agency, which receives it again") {
  Scene s;
  CHECK(s.h.act(s.id, {{"action", "transfer"}, {"agency", "cong-an-tinh"}}, s.officer).status ==
        422);  // a reason is needed
  CHECK(s.h.act(s.id, {{"action", "transfer"}, {"agency", "khong-co"}, {"note", "x"}}, s.officer)
            .status == 422);
  const auto moved =
      s.h.act(s.id, {{"action", "transfer"}, {"agency", "cong-an-tinh"}, {"note", "Thuộc an ninh"}},
              s.officer);
  REQUIRE_MESSAGE(moved.status == 200, moved.body);
  CHECK(s.h.act(s.id, {{"action", "receive"}}, s.officer).status == 404);  // no longer theirs
  const auto received = s.h.act(s.id, {{"action", "receive"}}, s.other_officer);
  REQUIRE(received.status == 200);
  CHECK(body_of(received)["feedback"]["agency"]["name"] == "Công an tỉnh");
}

TEST_CASE("reopen once after an answer; reject needs a reason") {
  Scene s;
  CHECK(s.h.post(s.path + "/reopen", {{"reason", "Chưa sửa"}}, {.cookie = s.citizen}).status ==
        409);
  s.h.act(s.id, {{"action", "receive"}}, s.officer);
  s.h.act(s.id, {{"action", "resolve"}, {"note", "Đã sửa"}}, s.officer);
  const auto reopened =
      s.h.post(s.path + "/reopen", {{"reason", "Ổ gà vẫn còn"}}, {.cookie = s.citizen});
  REQUIRE_MESSAGE(reopened.status == 200, reopened.body);
  CHECK(body_of(reopened)["feedback"]["status"] == "in_progress");
  CHECK(body_of(reopened)["feedback"]["can_reopen"] == false);
  s.h.act(s.id, {{"action", "resolve"}, {"note", "Đã sửa lại"}}, s.officer);
  CHECK(s.h.post(s.path + "/reopen", {{"reason", "Lại hỏng"}}, {.cookie = s.citizen}).status ==
        409);

  const json second = s.h.create(s.citizen);
  const long long second_id = second["id"].get<long long>();
  CHECK(s.h.act(second_id, {{"action", "reject"}}, s.officer).status == 422);
  CHECK(s.h.act(second_id, {{"action", "reject"}, {"note", "Trùng phản ánh khác"}}, s.officer)
            .status == 200);
}

TEST_CASE("the queue puts overdue first, then new ones oldest first") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  const long long first = h.create(citizen, {{"title", "Cũ nhất"}})["id"];
  h.clock.advance(std::chrono::hours(1));
  const long long second = h.create(citizen, {{"title", "Thứ hai"}})["id"];
  h.act(first, {{"action", "receive"}}, officer);
  h.clock.advance(std::chrono::hours(24 * 3));  // the second is now past its receive deadline
  const long long third = h.create(citizen, {{"title", "Mới"}})["id"];
  const json items = body_of(h.get("/api/v1/officer/feedback", {.cookie = officer}))["items"];
  REQUIRE(items.size() == 3);
  CHECK(items[0]["id"] == second);
  CHECK(items[0]["overdue"] == true);
  CHECK(items[1]["id"] == third);
  CHECK(items[2]["id"] == first);
  const json page =
      body_of(h.get("/api/v1/officer/feedback?status=received&limit=1", {.cookie = officer}));
  REQUIRE(page["items"].size() == 1);
  CHECK(page["items"][0]["id"] == first);
  CHECK(page["next_cursor"].is_null());
}

TEST_CASE("assign to a colleague of the same agency only") {
  Scene s;
  const std::string colleague = s.h.official("officer", "0900000104", "so-xay-dung", "Vi Thị Lan");
  const long long colleague_id = s.h.official_id("0900000104");
  const long long outsider_id = s.h.official_id("0900000103");
  REQUIRE(s.h.act(s.id, {{"action", "receive"}}, s.officer).status == 200);
  CHECK(s.h.act(s.id, {{"action", "assign"}, {"assignee_id", outsider_id}}, s.officer).status ==
        422);
  const auto assigned =
      s.h.act(s.id, {{"action", "assign"}, {"assignee_id", colleague_id}}, s.officer);
  REQUIRE_MESSAGE(assigned.status == 200, assigned.body);
  CHECK(body_of(assigned)["feedback"]["status"] == "in_progress");
  CHECK(body_of(assigned)["feedback"]["assignee"]["name"] == "Vi Thị Lan");
  CHECK(s.h.act(s.id, {{"action", "resolve"}, {"note", "Đã xử lý"}}, colleague).status == 200);
}
