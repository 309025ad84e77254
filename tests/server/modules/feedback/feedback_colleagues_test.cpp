// "Giao cho cán bộ": GET /api/v1/officer/colleagues lists the officials feedback can be assigned
// to (active officers and admins of one agency), and the assign action accepts exactly those.
#include <doctest/doctest.h>

#include "modules/feedback/feedback_harness.h"

using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

// The names of a colleagues answer in its order, joined by ", " (doctest prints a string).
std::string names_of(const cdscb::server::http::Response& response) {
  REQUIRE_MESSAGE(response.status == 200, response.body);
  const json body = body_of(response);  // alive through the loop
  std::string names;
  for (const auto& item : body["items"]) {
    names += (names.empty() ? "" : ", ") + item["name"].get<std::string>();
  }
  return names;
}

struct Agency {
  FeedbackHarness h;
  std::string citizen = h.citizen("0987654321");
  std::string officer = h.official("officer", "0900000102", "so-xay-dung", "Trần Văn Bình");
  std::string colleague = h.official("officer", "0900000104", "so-xay-dung", "Vi Thị Lan");
  // An admin who belongs to the agency is one of its officials too.
  std::string agency_admin = h.official("admin", "0900000105", "so-xay-dung", "Hà Văn Khải");
  std::string outsider = h.official("officer", "0900000103", "cong-an-tinh", "Đỗ Văn Công");
  std::string admin = h.official("admin", "0900000101", "");
  long long id = h.create(citizen)["id"].get<long long>();
  std::string path = "/api/v1/officer/colleagues";
};

}  // namespace

TEST_CASE("an officer lists the officials of their agency, and can assign to each of them") {
  Agency a;
  const auto answer = a.h.get(a.path, {.cookie = a.officer});
  CHECK(names_of(answer) == "Trần Văn Bình, Vi Thị Lan, Hà Văn Khải");
  CHECK(answer.headers.get("Cache-Control").value_or("") == "no-store");
  CHECK(body_of(answer)["next_cursor"].is_null());
  const json first = body_of(answer)["items"][0];
  CHECK(first == json({{"id", a.h.official_id("0900000102")}, {"name", "Trần Văn Bình"}}));
  // The same list through the feedback it is for.
  CHECK(names_of(a.h.get(a.path + "?feedback=" + std::to_string(a.id), {.cookie = a.officer})) ==
        names_of(answer));
  CHECK(names_of(a.h.get(a.path, {.cookie = a.outsider})) == "Đỗ Văn Công");

  REQUIRE(a.h.act(a.id, {{"action", "receive"}}, a.officer).status == 200);
  const json items = body_of(answer)["items"];
  REQUIRE(items.size() == 3);
  for (const auto& item : items) {
    const auto assigned =
        a.h.act(a.id, {{"action", "assign"}, {"assignee_id", item["id"]}}, a.officer);
    REQUIRE_MESSAGE(assigned.status == 200, assigned.body);
    CHECK(body_of(assigned)["feedback"]["assignee"] == item);
  }
}

TEST_CASE("the timeline names the colleague given the work; the public view does not") {
  Agency a;
  const std::string detail = "/api/v1/feedback/" + std::to_string(a.id);
  REQUIRE(a.h.act(a.id, {{"action", "receive"}}, a.officer).status == 200);
  const json assign = {{"action", "assign"},
                       {"assignee_id", a.h.official_id("0900000104")},
                       {"note", "Kiểm tra hiện trường trong tuần."}};
  REQUIRE(a.h.act(a.id, assign, a.officer).status == 200);
  REQUIRE(a.h.act(a.id, {{"action", "publish"}}, a.officer).status == 200);
  const auto note_of_assign = [&](const std::string& cookie) {
    const json updates = body_of(a.h.get(detail, {.cookie = cookie}))["feedback"]["updates"];
    for (const auto& u : updates) {
      if (u["action"] == "assign") return u["note"];
    }
    FAIL("no assign update in the timeline");
    return json();
  };
  const json expected = "Giao cho cán bộ Vi Thị Lan. Kiểm tra hiện trường trong tuần.";
  CHECK(note_of_assign(a.officer) == expected);
  CHECK(note_of_assign(a.citizen) == expected);
  // Published: anyone may read it, but an official's name stays inside the agency and the author.
  CHECK(note_of_assign(a.outsider).is_null());
  CHECK(note_of_assign("").is_null());
}

TEST_CASE("pages of colleagues follow next_cursor") {
  Agency a;
  const auto first = a.h.get(a.path + "?limit=2", {.cookie = a.officer});
  CHECK(names_of(first) == "Trần Văn Bình, Vi Thị Lan");
  const std::string cursor = body_of(first)["next_cursor"];
  const auto second = a.h.get(a.path + "?limit=2&cursor=" + cursor, {.cookie = a.officer});
  CHECK(names_of(second) == "Hà Văn Khải");
  CHECK(body_of(second)["next_cursor"].is_null());
  CHECK(a.h.get(a.path + "?limit=0", {.cookie = a.officer}).status == 422);
  CHECK(a.h.get(a.path + "?cursor=zzz", {.cookie = a.officer}).status == 422);
}

TEST_CASE("an admin without an agency names the feedback whose agency's officials they want") {
  Agency a;
  const auto bare = a.h.get(a.path, {.cookie = a.admin});
  CHECK(bare.status == 422);
  CHECK(body_of(bare)["error"]["fields"]["feedback"] ==
        "Vui lòng chọn phản ánh cần giao cho cán bộ.");
  const std::string query = "?feedback=" + std::to_string(a.id);
  CHECK(names_of(a.h.get(a.path + query, {.cookie = a.admin})) ==
        "Trần Văn Bình, Vi Thị Lan, Hà Văn Khải");
  // After a transfer, the feedback's new agency is the one listed.
  REQUIRE(a.h.act(a.id, {{"action", "transfer"}, {"agency", "cong-an-tinh"}, {"note", "An ninh"}},
                  a.officer)
              .status == 200);
  CHECK(names_of(a.h.get(a.path + query, {.cookie = a.admin})) == "Đỗ Văn Công");
}

TEST_CASE("citizens, strangers and officials of other agencies get no colleagues") {
  Agency a;
  const std::string query = "?feedback=" + std::to_string(a.id);
  const auto citizen = a.h.get(a.path, {.cookie = a.citizen});
  CHECK(citizen.status == 403);
  CHECK(body_of(citizen)["error"]["message"] == "Bạn không có quyền thực hiện thao tác này.");
  CHECK(a.h.get(a.path + query, {.cookie = a.citizen}).status == 403);
  CHECK(a.h.get(a.path).status == 401);
  // An officer of another agency: unpublished feedback is not theirs to know of (as with any id
  // that does not exist); once published, it is known but not theirs to assign.
  const auto hidden = a.h.get(a.path + query, {.cookie = a.outsider});
  CHECK(hidden.status == 404);
  CHECK(body_of(hidden)["error"]["code"] == "not_found");
  CHECK(body_of(a.h.get(a.path + "?feedback=999999", {.cookie = a.outsider})) == body_of(hidden));
  const auto act_hidden = a.h.act(a.id, {{"action", "receive"}}, a.outsider);
  CHECK(act_hidden.status == 404);
  CHECK(body_of(act_hidden) == body_of(a.h.act(999999, {{"action", "receive"}}, a.outsider)));
  REQUIRE(a.h.act(a.id, {{"action", "publish"}}, a.officer).status == 200);
  const auto other = a.h.get(a.path + query, {.cookie = a.outsider});
  CHECK(other.status == 403);
  CHECK(body_of(other)["error"]["code"] == "other_agency");
  const auto act_other = a.h.act(a.id, {{"action", "receive"}}, a.outsider);
  CHECK(act_other.status == 403);
  CHECK(body_of(act_other)["error"]["code"] == "other_agency");
  CHECK(a.h.get(a.path + "?feedback=999999", {.cookie = a.officer}).status == 404);
  CHECK(a.h.get(a.path + "?feedback=abc", {.cookie = a.officer}).status == 404);
}

TEST_CASE("a deleted official is neither listed nor assignable, nor is a citizen") {
  Agency a;
  const long long lan = a.h.official_id("0900000104");
  REQUIRE(a.h.call("DELETE", "/api/v1/me", json{{"password", "Mat khau can bo 2025"}}.dump(),
                   {.cookie = a.colleague})
              .status == 204);
  CHECK(names_of(a.h.get(a.path, {.cookie = a.officer})) == "Trần Văn Bình, Hà Văn Khải");
  REQUIRE(a.h.act(a.id, {{"action", "receive"}}, a.officer).status == 200);
  const auto deleted = a.h.act(a.id, {{"action", "assign"}, {"assignee_id", lan}}, a.officer);
  CHECK(deleted.status == 422);
  CHECK(body_of(deleted)["error"]["fields"]["assignee_id"] ==
        "Cán bộ được giao phải thuộc cùng cơ quan.");
  const long long citizen = a.h.official_id("0987654321");
  CHECK(a.h.act(a.id, {{"action", "assign"}, {"assignee_id", citizen}}, a.officer).status == 422);
  CHECK(a.h.count_rows("feedback", "assignee_id IS NULL") == 1);
}
