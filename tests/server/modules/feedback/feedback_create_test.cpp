// Sending feedback: fields, creation with Idempotency-Key, bad input, my list and detail.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "db/idempotency.h"
#include "integrations/media_test_support.h"
#include "modules/accounts/sessions.h"
#include "modules/feedback/feedback_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using json = nlohmann::json;

TEST_CASE("the fields come from data/feedback_fields.csv, each with its agency") {
  FeedbackHarness h;
  const auto response = h.get("/api/v1/feedback/fields");
  REQUIRE(response.status == 200);
  const json fields = body_of(response)["fields"];
  REQUIRE(fields.size() >= 8);
  CHECK(fields[0]["code"] == "giao-thong");
  CHECK(fields[0]["name"] == "Giao thông");
  CHECK(fields[0]["agency"]["code"] == "so-xay-dung");
  CHECK(fields[0]["agency"]["name"] == "Sở Xây dựng");
  CHECK(fields[0]["answer_days"].is_number_integer());
  CHECK(h.count_rows("agencies") == 70);  // 14 provincial bodies and 56 People's Committees
}

TEST_CASE("a citizen sends feedback and finds it in 'Cá nhân' with its deadlines") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const auto response = h.send(draft(), citizen, new_key());
  REQUIRE_MESSAGE(response.status == 201, response.body);
  const json feedback = body_of(response)["feedback"];
  CHECK(feedback["id"].is_number_integer());
  CHECK(feedback["title"] == "Ổ gà lớn trên đường Kim Đồng");
  CHECK(feedback["status"] == "submitted");
  CHECK(feedback["status_label"] == "Đã gửi");
  CHECK(feedback["field"] == json({{"code", "giao-thong"}, {"name", "Giao thông"}}));
  CHECK(feedback["agency"]["code"] == "so-xay-dung");
  CHECK(feedback["location"]["lat"] == 22.666);
  CHECK(feedback["location"]["lng"] == 106.258);  // exact, never snapped
  CHECK(feedback["location"]["accuracy_m"] == 12);
  CHECK(feedback["commune"]["name"] == "Phường Thục Phán");
  CHECK(feedback["author"]["name"] == "Nông Văn Dũng");
  CHECK(feedback["published"] == false);
  CHECK(feedback["overdue"] == false);
  // The harness clock: Tuesday 2025-03-04 05:00 UTC = 12:00 Vietnam time (lunch). 8 working
  // hours from 13:30: 3.5 on Tuesday afternoon, 4 on Wednesday morning, then 0.5 → Wednesday
  // 14:00 Vietnam time = 07:00 UTC.
  CHECK(feedback["created_at"] == "2025-03-04T05:00:00Z");
  CHECK(feedback["receive_deadline"] == "2025-03-05T07:00:00Z");

  const auto mine = h.get("/api/v1/feedback/mine", {.cookie = citizen});
  REQUIRE(mine.status == 200);
  const json items = body_of(mine)["items"];
  REQUIRE(items.size() == 1);
  CHECK(items[0]["id"] == feedback["id"]);
  CHECK_FALSE(items[0].contains("updates"));
  CHECK(body_of(mine)["next_cursor"].is_null());

  const auto detail = h.get("/api/v1/feedback/" + feedback["id"].dump(), {.cookie = citizen});
  REQUIRE(detail.status == 200);
  const json updates = body_of(detail)["feedback"]["updates"];
  REQUIRE(updates.size() == 1);
  CHECK(updates[0]["action"] == "submit");
  CHECK(updates[0]["actor"]["name"] == "Nông Văn Dũng");
}

TEST_CASE("the same Idempotency-Key again returns the same record, never a second row") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string key = new_key();
  const auto first = h.send(draft(), citizen, key);
  REQUIRE(first.status == 201);
  const auto again = h.send(draft(), citizen, key);
  CHECK(again.status == 200);
  CHECK(body_of(again)["feedback"]["id"] == body_of(first)["feedback"]["id"]);
  CHECK(h.count_rows("feedback") == 1);
  // Another citizen's key space is their own.
  const std::string other = h.citizen("0912345678", "Lý Thị Mai");
  CHECK(h.send(draft(), other, key).status == 201);
  CHECK(h.count_rows("feedback") == 2);
  // Without a key (or a too short one) nothing is stored.
  CHECK(h.send(draft(), citizen, "").status == 400);
  CHECK(h.send(draft(), citizen, "short").status == 400);
  CHECK(h.count_rows("feedback") == 2);
}

TEST_CASE("an Idempotency-Key answers replays for its 30 days, then the purge frees it") {
  FeedbackHarness h;
  const std::string phone = "0987654321";
  h.citizen(phone);
  const std::string key = new_key();
  REQUIRE(h.send(draft(), h.sign_in(phone, "Non nuoc Cao Bang 1"), key).status == 201);
  const auto purge = [&] {
    soci::session sql(h.database().pool());
    return db::purge_idempotency_keys(sql, accounts::unix_seconds(h.clock.now()));
  };
  h.clock.advance(std::chrono::seconds(db::kIdempotencyReplaySeconds));
  CHECK(purge() == 0);
  const std::string session = h.sign_in(phone, "Non nuoc Cao Bang 1");
  CHECK(h.send(draft(), session, key).status == 200);  // a replay: the same record
  h.clock.advance(std::chrono::seconds(1));
  CHECK(purge() == 1);
  CHECK(h.count_rows("idempotency_keys") == 0);
  json other = draft();
  other["title"] = "Đèn đường hỏng ở ngõ 5";
  CHECK(h.send(other, session, key).status == 201);  // no longer "reused": a new record
  CHECK(h.count_rows("feedback") == 2);
}

TEST_CASE("bad input is a clear error and nothing is stored") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  SUBCASE("signed out") { CHECK(h.send(draft(), "", new_key()).status == 401); }
  SUBCASE("missing fields") {
    const auto response = h.send(json::object(), citizen, new_key());
    CHECK(response.status == 422);
    const json fields = body_of(response)["error"]["fields"];
    CHECK(fields["title"] == "Vui lòng nhập tiêu đề.");
    CHECK(fields.contains("content"));
    CHECK(fields.contains("field"));
    CHECK(fields.contains("location"));
  }
  SUBCASE("a 5 MB title") {
    json body = draft();
    body["title"] = std::string(5 * 1024 * 1024, 'a');
    const auto response = h.send(body, citizen, new_key());
    CHECK(response.status == 413);
    CHECK(body_of(response)["error"]["message"].get<std::string>().size() > 0);
  }
  SUBCASE("a title past 200 characters") {
    json body = draft();
    body["title"] = std::string(201, 'a');
    const auto response = h.send(body, citizen, new_key());
    CHECK(response.status == 422);
    CHECK(body_of(response)["error"]["fields"]["title"] == "Tiêu đề không được dài quá 200 ký tự.");
  }
  SUBCASE("outside the province") {
    json body = draft();
    body["location"] = {{"lat", 21.0285}, {"lng", 105.8542}};  // Hà Nội
    const auto response = h.send(body, citizen, new_key());
    CHECK(response.status == 422);
    CHECK(body_of(response)["error"]["code"] == "outside_province");
    CHECK(body_of(response)["error"]["message"] == "Vị trí nằm ngoài tỉnh Cao Bằng.");
  }
  SUBCASE("unknown field, commune and wrong shapes") {
    json body = draft();
    body["field"] = "khong-co";
    body["commune"] = "xa-khong-co";
    body["anonymous"] = "yes";
    body["location"] = {{"lat", "22.6"}, {"lng", 106.2}};
    const auto response = h.send(body, citizen, new_key());
    CHECK(response.status == 422);
    const json fields = body_of(response)["error"]["fields"];
    CHECK(fields["field"] == "Lĩnh vực không tồn tại.");
    CHECK(fields.contains("commune"));
    CHECK(fields.contains("anonymous"));
    CHECK(fields.contains("location"));
  }
  SUBCASE("more than five photos, or photos that are not media ids") {
    json body = draft();
    body["photos"] = json::array();
    for (int i = 0; i < 6; ++i) body["photos"].push_back(std::string(64, 'a' + i));
    CHECK(body_of(h.send(body, citizen, new_key()))["error"]["fields"]["photos"] ==
          "Chỉ được gửi tối đa 5 ảnh.");
    body["photos"] = {"../../etc/passwd"};
    CHECK(h.send(body, citizen, new_key()).status == 422);
  }
  SUBCASE("invalid UTF-8 and a body that is not JSON") {
    CHECK(h.call("POST", "/api/v1/feedback", "{\"title\":\"\xff\"}", {.cookie = citizen}).status ==
          400);
    CHECK(h.send(json::array(), citizen, new_key()).status == 400);
  }
  CHECK(h.count_rows("feedback") == 0);
  CHECK(h.count_rows("feedback_updates") == 0);
}

TEST_CASE("a citizen cannot read another citizen's unpublished feedback") {
  FeedbackHarness h;
  const std::string author = h.citizen("0987654321");
  const std::string other = h.citizen("0912345678", "Lý Thị Mai");
  const json feedback = h.create(author);
  const std::string path = "/api/v1/feedback/" + feedback["id"].dump();
  const auto response = h.get(path, {.cookie = other});
  CHECK(response.status == 404);
  CHECK(response.body.find("Nông Văn Dũng") == std::string::npos);
  CHECK(h.get(path).status == 404);
  CHECK(body_of(h.get("/api/v1/feedback/mine", {.cookie = other}))["items"].empty());
  CHECK(h.get("/api/v1/feedback/999999", {.cookie = author}).status == 404);
  CHECK(h.get("/api/v1/feedback/abc", {.cookie = author}).status == 404);
}

TEST_CASE("my list pages newest first with next_cursor") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  for (int i = 0; i < 3; ++i) h.create(citizen, {{"title", "Phản ánh " + std::to_string(i)}});
  const auto first = body_of(h.get("/api/v1/feedback/mine?limit=2", {.cookie = citizen}));
  REQUIRE(first["items"].size() == 2);
  CHECK(first["items"][0]["title"] == "Phản ánh 2");
  REQUIRE(first["next_cursor"].is_string());
  const auto second = body_of(
      h.get("/api/v1/feedback/mine?limit=2&cursor=" + first["next_cursor"].get<std::string>(),
            {.cookie = citizen}));
  REQUIRE(second["items"].size() == 1);
  CHECK(second["items"][0]["title"] == "Phản ánh 0");
  CHECK(second["next_cursor"].is_null());
  CHECK(h.get("/api/v1/feedback/mine?cursor=zzz", {.cookie = citizen}).status == 422);
}

TEST_CASE("photos are uploaded media ids; the answer carries photos too") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  const auto first = h.upload("0987654321", with_exif_gps(make_jpeg(1200, 900)));
  const auto second = h.upload("0987654321", make_png(400, 300));
  json body = draft();
  body["photos"] = {first.id, second.id};
  const auto created = h.send(body, citizen, new_key());
  REQUIRE_MESSAGE(created.status == 201, created.body);
  const json photos = body_of(created)["feedback"]["photos"];
  REQUIRE(photos.size() == 2);
  CHECK(photos[0]["id"] == first.id);
  CHECK(photos[0]["url"] == first.url);
  CHECK(photos[0]["thumb_url"] == "/media/" + first.id + "-w480.jpg");
  CHECK(photos[1]["url"] == second.url);

  // A well-formed id that was never uploaded.
  body["photos"] = {std::string(64, 'a')};
  const auto unknown = h.send(body, citizen, new_key());
  CHECK(unknown.status == 422);
  CHECK(body_of(unknown)["error"]["fields"]["photos"] ==
        "Có ảnh chưa được tải lên hoặc đã bị xóa. Vui lòng chọn lại ảnh.");
  CHECK(h.count_rows("feedback") == 1);

  const long long id = body_of(created)["feedback"]["id"];
  const auto answer_photo = h.upload("0900000102", make_jpeg(640, 480));
  h.act(id, {{"action", "receive"}}, officer);
  const auto resolved = h.act(
      id, {{"action", "resolve"}, {"note", "Đã xử lý"}, {"photos", {answer_photo.id}}}, officer);
  REQUIRE_MESSAGE(resolved.status == 200, resolved.body);
  const json answer = body_of(
      h.get("/api/v1/feedback/" + std::to_string(id), {.cookie = citizen}))["feedback"]["answer"];
  REQUIRE(answer["photos"].size() == 1);
  CHECK(answer["photos"][0]["url"] == answer_photo.url);
}

TEST_CASE("a feedback or an answer attaches only photos its writer uploaded") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  h.citizen("0987654322", "Hoàng Thị Mai");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  // Photo ids are public (they are in published feedback); knowing one is not owning it.
  const auto others = h.upload("0987654322", make_jpeg(800, 600));
  const auto own = h.upload("0987654321", make_png(400, 300));
  json body = draft();
  body["photos"] = {own.id, others.id};
  const auto refused = h.send(body, citizen, new_key());
  CHECK(refused.status == 422);
  CHECK(body_of(refused)["error"]["fields"]["photos"] ==
        "Chỉ được đính kèm ảnh do chính bạn tải lên. Vui lòng chọn lại ảnh.");
  CHECK(h.count_rows("feedback") == 0);

  // The same photo uploaded again by this citizen is theirs too (the store keeps one file).
  h.upload("0987654321", make_jpeg(800, 600));
  const auto created = h.send(body, citizen, new_key());
  REQUIRE_MESSAGE(created.status == 201, created.body);

  // An official's answer likewise: the citizen's photo is not the officer's to attach.
  const long long id = body_of(created)["feedback"]["id"];
  REQUIRE(h.act(id, {{"action", "receive"}}, officer).status == 200);
  const auto answer =
      h.act(id, {{"action", "resolve"}, {"note", "Đã xử lý"}, {"photos", {own.id}}}, officer);
  CHECK(answer.status == 422);
  CHECK(body_of(answer)["error"]["fields"]["photos"] ==
        "Chỉ được đính kèm ảnh do chính bạn tải lên. Vui lòng chọn lại ảnh.");
}
