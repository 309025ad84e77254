// The listed feedback ("Phản ánh tương tự", "Đang theo dõi") and the public map's markers: they
// read back from their own JSON, keep the names on the wire the e2e tests and the app read, and
// tell a record from the follower view by the id alone.
#include "core/feedback_listed_json.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace cdscb;

using nlohmann::json;

namespace {

core::FeedbackFollowerView follower() {
  core::FeedbackFollowerView v;
  v.field = {"giao-thong", "Giao thông"};
  v.status = "received";
  v.status_label = "Đã tiếp nhận";
  v.date = "2026-12-01";
  v.follow_token = "tok-123";
  v.following = true;
  v.updates = std::vector<core::FeedbackStatusDay>{{"submitted", "Đã gửi", "2026-12-01"},
                                                   {"received", "Đã tiếp nhận", "2026-12-02"}};
  v.distance_m = 50;
  return v;
}

}  // namespace

TEST_CASE("the follower view reads back unchanged and carries nothing that identifies it") {
  core::ListedFeedback item;
  item.follower = follower();
  const json written = core::listed_feedback_json<json>(item);
  for (const char* key : {"id", "title", "content", "location", "address", "author", "photos"})
    CHECK_MESSAGE(!written.contains(key), key);
  CHECK(written["published"] == false);
  CHECK(written["follow_token"] == "tok-123");
  CHECK(written["distance_m"] == 50);
  CHECK(written["updates"][1]["date"] == "2026-12-02");
  const auto read = core::listed_feedback_from_json(written);
  REQUIRE(read);
  CHECK_FALSE(read->record);
  CHECK(core::listed_feedback_json<json>(*read) == written);
  CHECK(read->status_label() == "Đã tiếp nhận");
  CHECK(read->distance_m() == 50);
}

TEST_CASE("a listed record is the feedback record's JSON, with its exact distance") {
  core::ListedFeedback item;
  item.record = core::FeedbackRecord{};
  item.record->id = 9;
  item.record->title = "Đèn hỏng";
  item.record->status_label = "Đã gửi";
  item.record->distance_m = 37;
  const json written = core::listed_feedback_json<json>(item);
  CHECK(written == core::feedback_record_json<json>(*item.record));
  CHECK(written["distance_m"] == 37);
  const auto list = core::listed_feedback_items_from_json(
      &static_cast<const json&>(json::array({written, json("junk"), json{{"field", "no token"}},
                                             core::follower_view_json<json>(follower())})));
  REQUIRE(list.size() == 2);
  REQUIRE(list[0].record);
  CHECK(list[0].record->title == "Đèn hỏng");
  CHECK(list[0].distance_m() == 37);
  CHECK(list[1].follower.follow_token == "tok-123");
}

TEST_CASE("the public map reads back its markers and skips what has no id") {
  core::FeedbackMap map;
  map.items.push_back(
      {4, "Ổ gà", 22.666, 106.258, "resolved", "Đã giải quyết", {"giao-thong", "Giao thông"}});
  map.truncated = true;
  const json written = core::feedback_map_json<json>(map);
  CHECK(written["items"][0]["lng"] == 106.258);
  CHECK(written["items"][0]["field"]["name"] == "Giao thông");
  const auto read = core::feedback_map_from_json(written);
  CHECK(core::feedback_map_json<json>(read) == written);
  json junk = written;
  junk["items"].push_back(json{{"title", "no id"}});
  junk["items"].push_back(json{{"id", "5"}});
  CHECK(core::feedback_map_from_json(junk).items.size() == 1);
  CHECK(core::feedback_map_from_json(json("x")).items.empty());
}
