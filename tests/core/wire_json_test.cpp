// The wire model: the feedback record and the news blocks read back from their own JSON exactly,
// and read what the server writes defensively (missing parts empty, unknown entries skipped).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/feedback_json.h"
#include "core/news_json.h"

using namespace cdscb;

using nlohmann::json;

namespace {

core::FeedbackRecord full_record() {
  core::FeedbackRecord f;
  f.id = 42;
  f.title = "Ổ gà trên đường Kim Đồng";
  f.content = "Mặt đường có ổ gà sâu.";
  f.field = {"giao-thong", "Giao thông"};
  f.agency = {"so-xay-dung", "Sở Xây dựng"};
  f.status = "resolved";
  f.status_label = "Đã giải quyết";
  f.location = {22.666, 106.258, 12.5};
  f.address = "Số 1 Kim Đồng";
  f.commune = core::CodeName{"phuong-thuc-phan", "Phường Thục Phán"};
  f.photos = {{"m1", "/media/m1.jpg", "/media/m1-w320.jpg"}};
  f.anonymous = true;
  f.author = "Nguyễn Văn An";
  f.created_at = "2026-11-26T06:43:07Z";
  f.updated_at = "2026-11-27T06:43:07Z";
  f.receive_deadline = "2026-11-27T10:00:00Z";
  f.answer_deadline = "2026-12-10T10:00:00Z";
  f.overdue = true;
  f.published = true;
  f.answer = core::FeedbackAnswer{.text = "Đã vá.",
                                  .photos = {{"m2", "/media/m2.jpg", "/media/m2-w320.jpg"}},
                                  .at = "2026-11-27T06:43:07Z",
                                  .by = core::FeedbackAnswerBy{"Trần Bình", "Sở Xây dựng"}};
  f.rating = core::FeedbackRating{4, "Nhanh"};
  f.can_reopen = true;
  f.following = true;
  f.assignee = core::FeedbackAssignee{7, "Trần Bình"};
  f.updates = std::vector<core::FeedbackUpdate>{{"2026-11-26T06:43:07Z",
                                                 {std::nullopt, "citizen"},
                                                 "submit",
                                                 "submitted",
                                                 "Đã gửi",
                                                 std::nullopt,
                                                 {}},
                                                {"2026-11-27T06:43:07Z",
                                                 {"Trần Bình", "officer"},
                                                 "reopen",
                                                 "in_progress",
                                                 "Đang xử lý",
                                                 "Chưa xong",
                                                 {{"m3", "/media/m3.jpg", "/media/m3-w320.jpg"}}}};
  f.distance_m = 35;
  return f;
}

}  // namespace

TEST_CASE("a feedback record reads back from its JSON unchanged, every part present") {
  const json written = core::feedback_record_json<json>(full_record());
  const auto read = core::feedback_record_from_json(written);
  REQUIRE(read);
  CHECK(core::feedback_record_json<json>(*read) == written);
  CHECK(read->commune->name == "Phường Thục Phán");
  CHECK(read->answer->by->agency == "Sở Xây dựng");
  CHECK(read->updates->at(1).note == "Chưa xong");
  CHECK(read->reopened());
  CHECK(read->finished());
  // Names on the wire, as the app and the e2e tests read them.
  CHECK(written["location"]["accuracy_m"] == 12.5);
  CHECK(written["author"]["name"] == "Nguyễn Văn An");
  CHECK(written["updates"][0]["actor"]["name"].is_null());
  CHECK(written["rating"]["stars"] == 4);
}

TEST_CASE("a feedback record without its optional parts writes nulls and leaves keys out") {
  core::FeedbackRecord f;
  f.id = 3;
  f.title = "Đèn hỏng";
  const json written = core::feedback_record_json<json>(f);
  for (const char* key : {"address", "commune", "author", "answer", "rating"})
    CHECK_MESSAGE(written[key].is_null(), key);
  for (const char* key : {"assignee", "updates", "distance_m"})
    CHECK_MESSAGE(!written.contains(key), key);
  const auto read = core::feedback_record_from_json(written);
  REQUIRE(read);
  CHECK(core::feedback_record_json<json>(*read) == written);
  CHECK_FALSE(read->updates);
  CHECK_FALSE(read->reopened());
}

TEST_CASE("what is no feedback does not read as one; mistyped parts read as empty") {
  CHECK_FALSE(core::feedback_record_from_json(json("text")));
  CHECK_FALSE(core::feedback_record_from_json(json{{"title", "no id"}}));
  const auto read =
      core::feedback_record_from_json(json{{"id", 5},
                                           {"title", 7},
                                           {"photos", json::array({{{"id", "x"}}, "junk"})},
                                           {"field", "giao-thong"},
                                           {"location", {{"lat", "22"}}}});
  REQUIRE(read);
  CHECK(read->title.empty());
  CHECK(read->photos.empty());  // a photo without any URL has nothing to show
  CHECK(read->field.code.empty());
  CHECK(read->location.lat == 0);
  const auto list = core::feedback_records_from_json(
      &static_cast<const json&>(json::array({json{{"id", 1}}, json("x"), json{{"id", 2}}})));
  REQUIRE(list.size() == 2);
  CHECK(list[1].id == 2);
}

TEST_CASE("news blocks read back from their JSON unchanged") {
  std::vector<core::Block> blocks(4);
  blocks[0].type = core::Block::Type::kHeading;
  blocks[0].level = 3;
  blocks[0].text = "Diễn biến";
  blocks[1].type = core::Block::Type::kParagraph;
  blocks[1].spans = {{.text = "Mưa lớn ", .bold = true},
                     {.text = "xem thêm", .italic = true, .href = "https://caobang.gov.vn/tin"}};
  blocks[2].type = core::Block::Type::kList;
  blocks[2].ordered = true;
  blocks[2].items = {{{.text = "Một"}}, {{.text = "Hai"}}};
  blocks[3].type = core::Block::Type::kImage;
  blocks[3].url = "/media/x.jpg";
  blocks[3].thumb_url = "/media/x-w480.jpg";
  blocks[3].alt = "Hiện trường";
  blocks[3].width = 1600;
  blocks[3].height = 900;
  const json written = core::news_blocks_json<json>(blocks);
  const auto read = core::news_blocks_from_json(written);
  REQUIRE(read.size() == 4);
  CHECK(core::news_blocks_json<json>(read) == written);
  CHECK(read[1].spans[1].href == "https://caobang.gov.vn/tin");
  CHECK(read[3].width == 1600);
  CHECK(written[3]["height"] == 900);
  CHECK_FALSE(written[1]["spans"][0].contains("href"));  // only what is set is written
}

TEST_CASE("news blocks skip what they cannot show safely") {
  const json value = json::array(
      {{{"type", "script"}, {"text", "alert(1)"}},
       {{"type", "heading"}, {"text", ""}},
       {{"type", "paragraph"},
        {"spans",
         json::array({{{"text", "độc hại"}, {"href", "javascript:alert(1)"}}, {{"text", ""}}})}},
       {{"type", "image"}, {"alt", "no url"}, {"width", "wide"}},
       "junk"});
  const auto read = core::news_blocks_from_json(value);
  REQUIRE(read.size() == 1);
  REQUIRE(read[0].spans.size() == 1);
  CHECK(read[0].spans[0].href.empty());  // a javascript: link keeps only its text
  CHECK(core::news_blocks_from_json(json("x")).empty());
}
