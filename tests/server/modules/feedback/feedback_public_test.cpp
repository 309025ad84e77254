// What everyone sees: the public list without personal data, similar feedback nearby; and the
// personal-data rights and admin's fields.
#include <doctest/doctest.h>

#include "modules/feedback/feedback_harness.h"
#include "modules/feedback/routes.h"

using namespace cdscb::server::testing;
using json = nlohmann::json;

TEST_CASE("published feedback is public, without personal data") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  const long long id = h.create(citizen, {{"anonymous", true}})["id"];
  const long long hidden = h.create(citizen, {{"title", "Chưa công khai"}})["id"];
  CHECK(body_of(h.get("/api/v1/public/feedback"))["items"].empty());
  REQUIRE(h.act(id, {{"action", "publish"}}, officer).status == 200);
  const auto list = h.get("/api/v1/public/feedback?field=giao-thong&commune=phuong-thuc-phan");
  REQUIRE(list.status == 200);
  const json items = body_of(list)["items"];
  REQUIRE(items.size() == 1);
  CHECK(items[0]["id"] == id);
  CHECK(items[0]["author"].is_null());
  CHECK(list.body.find("Nông Văn Dũng") == std::string::npos);
  CHECK(list.body.find("0987654321") == std::string::npos);
  CHECK(body_of(h.get("/api/v1/public/feedback?q=O%20GA%20LON"))["items"].size() == 1);
  CHECK(body_of(h.get("/api/v1/public/feedback?q=khong%20co"))["items"].empty());
  CHECK(body_of(h.get("/api/v1/public/feedback?status=resolved"))["items"].empty());
  const auto detail = h.get("/api/v1/feedback/" + std::to_string(id));
  REQUIRE(detail.status == 200);
  CHECK(body_of(detail)["feedback"]["author"].is_null());
  CHECK(detail.body.find("Nông Văn Dũng") == std::string::npos);
  // The officials still see the author of anonymous feedback.
  CHECK(body_of(h.get("/api/v1/feedback/" + std::to_string(id),
                      {.cookie = officer}))["feedback"]["author"]["name"] == "Nông Văn Dũng");
  CHECK(h.get("/api/v1/feedback/" + std::to_string(hidden)).status == 404);
  REQUIRE(h.act(id, {{"action", "unpublish"}}, officer).status == 200);
  CHECK(h.get("/api/v1/feedback/" + std::to_string(id)).status == 404);
}

TEST_CASE("similar open feedback of the same field within 200 m") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  const std::string neighbour = h.citizen("0912345678", "Lý Thị Mai");
  const long long near = h.create(citizen)["id"];
  // ~150 m north, ~330 m north, another field at the same point.
  const long long north = h.create(
      citizen, {{"location", {{"lat", 22.66735}, {"lng", 106.258}}}, {"title", "Gần"}})["id"];
  h.create(citizen, {{"location", {{"lat", 22.669}, {"lng", 106.258}}}, {"title", "Xa"}});
  h.create(citizen, {{"field", "moi-truong"}, {"title", "Rác"}});
  REQUIRE(h.act(north, {{"action", "publish"}}, officer).status == 200);
  const std::string query = "/api/v1/feedback/similar?field=giao-thong&lat=22.666&lng=106.258";
  CHECK(h.get(query).status == 401);  // signed-in citizens only
  const auto response = h.get(query, {.cookie = neighbour});
  REQUIRE(response.status == 200);
  const json items = body_of(response)["items"];
  REQUIRE(items.size() == 2);
  // Not published: field, status, day and distance, and a token to follow it; nothing else.
  CHECK_FALSE(items[0].contains("id"));
  CHECK_FALSE(items[0].contains("title"));
  CHECK_FALSE(items[0].contains("location"));
  CHECK(items[0]["field"]["name"] == "Giao thông");
  CHECK(items[0]["status"] == "submitted");
  CHECK(items[0]["distance_m"] == 0);
  CHECK(items[0]["follow_token"].get<std::string>().size() == 22);
  CHECK(items[0].dump().find("Kim Đồng") == std::string::npos);  // the draft's address
  // Published: as in the public list.
  CHECK(items[1]["id"] == north);
  CHECK(items[1]["title"] == "Gần");
  CHECK(items[1]["distance_m"] == 150);
  CHECK(items[1]["author"].is_null());
  // The author sees their own in full.
  CHECK(body_of(h.get(query, {.cookie = citizen}))["items"][0]["id"] == near);
  CHECK(h.get("/api/v1/feedback/similar?field=giao-thong&lat=abc&lng=106", {.cookie = neighbour})
            .status == 422);
  // Following one instead of sending a duplicate: by its token, not by its id.
  CHECK(h.post("/api/v1/feedback/" + std::to_string(near) + "/follow", json::object(),
               {.cookie = neighbour})
            .status == 404);
  const auto followed = h.post("/api/v1/feedback/following", {{"token", items[0]["follow_token"]}},
                               {.cookie = neighbour});
  REQUIRE_MESSAGE(followed.status == 200, followed.body);
  CHECK(body_of(followed)["item"]["following"] == true);
  CHECK(body_of(followed)["item"]["updates"].size() == 1);
  // Still no way in by id.
  CHECK(h.get("/api/v1/feedback/" + std::to_string(near), {.cookie = neighbour}).status == 404);
}

TEST_CASE("download my data includes my feedback; deleting my account keeps it, nameless") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const long long id = h.create(citizen)["id"];
  const auto exported = h.get("/api/v1/me/export", {.cookie = citizen});
  REQUIRE(exported.status == 200);
  const json section = body_of(exported)["feedback"];
  REQUIRE(section["feedback"].size() == 1);
  CHECK(section["feedback"][0]["title"] == "Ổ gà lớn trên đường Kim Đồng");
  CHECK(section["feedback"][0]["updates"].size() == 1);

  const auto deleted =
      h.call("DELETE", "/api/v1/me", json({{"password", "Non nuoc Cao Bang 1"}}).dump(),
             {.cookie = citizen});
  REQUIRE_MESSAGE(deleted.status == 204, deleted.body);
  CHECK(h.count_rows("feedback") == 1);
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  const auto seen = h.get("/api/v1/feedback/" + std::to_string(id), {.cookie = officer});
  REQUIRE(seen.status == 200);
  CHECK(body_of(seen)["feedback"]["author"]["name"] == "Tài khoản đã xóa");
  CHECK(seen.body.find("Nông Văn Dũng") == std::string::npos);
}

TEST_CASE("admins manage fields; an admin's edit survives reloading the CSV") {
  FeedbackHarness h;
  const std::string admin = h.official("admin", "0900000101", "");
  const std::string citizen = h.citizen("0987654321");
  CHECK(h.get("/api/v1/admin/feedback-fields", {.cookie = citizen}).status == 403);
  const auto patched = h.call(
      "PATCH", "/api/v1/admin/feedback-fields/giao-thong",
      json({{"answer_days", 7}, {"agency", "ubnd-phuong-thuc-phan"}}).dump(), {.cookie = admin});
  REQUIRE_MESSAGE(patched.status == 200, patched.body);
  CHECK(body_of(patched)["field"]["agency"]["name"] == "UBND phường Thục Phán");
  cdscb::server::load_feedback_reference_data(h.database(),
                                              std::filesystem::path(CDSCB_SOURCE_DIR) / "data");
  const json fields = body_of(h.get("/api/v1/feedback/fields"))["fields"];
  CHECK(fields[0]["answer_days"] == 7);
  CHECK(fields[0]["agency"]["code"] == "ubnd-phuong-thuc-phan");

  const auto created = h.post("/api/v1/admin/feedback-fields",
                              {{"code", "cay-xanh"},
                               {"name", "Cây xanh"},
                               {"agency", "so-xay-dung"},
                               {"answer_days", 5},
                               {"publish_by_default", true}},
                              {.cookie = admin});
  REQUIRE_MESSAGE(created.status == 201, created.body);
  CHECK(h.post("/api/v1/admin/feedback-fields",
               {{"code", "cay-xanh"}, {"name", "X"}, {"agency", "so-xay-dung"}, {"answer_days", 5}},
               {.cookie = admin})
            .status == 409);
  const auto bad = h.post("/api/v1/admin/feedback-fields",
                          {{"code", "Có Dấu"}, {"name", ""}, {"agency", "x"}, {"answer_days", 0}},
                          {.cookie = admin});
  CHECK(bad.status == 422);
  CHECK(body_of(bad)["error"]["fields"].size() == 4);
}
