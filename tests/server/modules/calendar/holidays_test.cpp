// Public holidays: the admin API over the list seeded from data/holidays.csv, and deadlines of
// feedback created, transferred, reopened and posted through Open311 that skip Tết 2027.
#include <doctest/doctest.h>

#include <fstream>

#include "modules/calendar/routes.h"
#include "modules/feedback/feedback_harness.h"
#include "modules/feedback/routes.h"

using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

const std::string kPath = "/api/v1/admin/holidays";

json holidays(FeedbackHarness& h, const std::string& admin) {
  const auto response = h.get(kPath, {.cookie = admin});
  REQUIRE_MESSAGE(response.status == 200, response.body);
  return body_of(response)["holidays"];
}

const json* find_date(const json& list, const std::string& date) {
  for (const auto& item : list) {
    if (item["date"] == date) return &item;
  }
  return nullptr;
}

void reload_seed(FeedbackHarness& h) {
  cdscb::server::seed_calendar(h.database(), std::filesystem::path(CDSCB_SOURCE_DIR) / "data");
}

}  // namespace

TEST_CASE("admins list the holidays of data/holidays.csv, sorted by date") {
  FeedbackHarness h;
  const std::string admin = h.official("admin", "0912000001", "");
  const json list = holidays(h, admin);
  REQUIRE(list.size() >= 20);
  CHECK(list[0] ==
        json({{"date", "2026-01-01"}, {"name", "Tết Dương lịch"}, {"working_day", false}}));
  for (std::size_t i = 1; i < list.size(); ++i) {
    CHECK(list[i - 1]["date"].get<std::string>() < list[i]["date"].get<std::string>());
  }
  REQUIRE(find_date(list, "2027-02-06"));
  CHECK(find_date(list, "2027-02-06")->at("name") == "Tết Nguyên đán (mùng 1 Tết Đinh Mùi)");
  REQUIRE(find_date(list, "2026-01-10"));
  CHECK(find_date(list, "2026-01-10")->at("working_day") == true);  // make-up Saturday
  // Comment lines of the file are not holidays.
  for (const auto& item : list) CHECK_FALSE(item["date"].get<std::string>().starts_with("#"));
  // Loading the file again (every start) adds nothing twice.
  const int rows = h.count_rows("holidays");
  reload_seed(h);
  CHECK(h.count_rows("holidays") == rows);
}

TEST_CASE("a malformed holidays.csv stops the start with its line, and loads nothing") {
  FeedbackHarness h;
  const std::string admin = h.official("admin", "0912000001", "");
  TempDir seed;
  const auto data = std::filesystem::path(CDSCB_SOURCE_DIR) / "data";
  std::filesystem::copy_file(data / "agencies.csv", seed.path() / "agencies.csv");
  std::filesystem::copy_file(data / "feedback_fields.csv", seed.path() / "feedback_fields.csv");
  {
    std::ofstream out(seed.path() / "holidays.csv", std::ios::binary);
    out << "date,name,working_day\n# ghi chú\n2028-01-01,Tết Dương lịch,0\n2028-02-30,Sai,0\n";
  }
  CHECK_THROWS_WITH(cdscb::server::seed_calendar(h.database(), seed.path()),
                    doctest::Contains("holidays.csv line 4"));
  CHECK_FALSE(find_date(holidays(h, admin), "2028-01-01"));
  // Without the file (an installation that keeps no holidays) the start goes on.
  std::filesystem::remove(seed.path() / "holidays.csv");
  CHECK_NOTHROW(cdscb::server::seed_calendar(h.database(), seed.path()));
}

TEST_CASE("only admins see or change the holidays") {
  FeedbackHarness h;
  const std::string officer = h.official("officer", "0912000002", "so-xay-dung");
  const std::string citizen = h.citizen("0987654321");
  const int rows = h.count_rows("holidays");
  const json body = {{"date", "2027-12-24"}, {"name", "Ngày thử"}};
  for (const std::string& cookie : {officer, citizen}) {
    CHECK(h.get(kPath, {.cookie = cookie}).status == 403);
    const auto refused = h.post(kPath, body, {.cookie = cookie});
    CHECK(refused.status == 403);
    CHECK(body_of(refused)["error"]["code"] == "forbidden");
    CHECK(h.del(kPath + "/2026-01-01", {.cookie = cookie}).status == 403);
  }
  CHECK(h.get(kPath).status == 401);
  CHECK(h.post(kPath, body).status == 401);
  CHECK(h.count_rows("holidays") == rows);
  CHECK(h.count_rows("holidays", "deleted_at IS NOT NULL") == 0);
}

TEST_CASE("an admin adds a holiday; bad input and duplicates are refused with nothing stored") {
  FeedbackHarness h;
  const std::string admin = h.official("admin", "0912000001", "");
  const auto created = h.post(
      kPath, {{"date", "2027-11-24"}, {"name", "  Ngày Văn hóa Việt Nam  "}}, {.cookie = admin});
  REQUIRE_MESSAGE(created.status == 201, created.body);
  CHECK(body_of(created)["holiday"] ==
        json({{"date", "2027-11-24"}, {"name", "Ngày Văn hóa Việt Nam"}, {"working_day", false}}));
  REQUIRE(find_date(holidays(h, admin), "2027-11-24"));

  const int rows = h.count_rows("holidays");
  const auto duplicate =
      h.post(kPath, {{"date", "2027-11-24"}, {"name", "Khác"}}, {.cookie = admin});
  CHECK(duplicate.status == 409);
  CHECK(body_of(duplicate)["error"]["code"] == "holiday_exists");
  CHECK(body_of(duplicate)["error"]["message"] == "Ngày này đã có trong danh sách ngày nghỉ.");
  CHECK(h.post(kPath, {{"date", "2026-01-01"}, {"name", "Trùng"}}, {.cookie = admin}).status ==
        409);

  struct Bad {
    json body;
    std::string field;
  };
  const Bad bad[] = {
      {{{"date", "2027-02-29"}, {"name", "Không có ngày này"}}, "date"},
      {{{"date", "24/11/2027"}, {"name", "Sai dạng"}}, "date"},
      {{{"date", "1999-12-31"}, {"name", "Quá xa"}}, "date"},
      {{{"date", 20271124}, {"name", "Số"}}, "date"},
      {{{"name", "Thiếu ngày"}}, "date"},
      {{{"date", "2027-12-01"}, {"name", "   "}}, "name"},
      {{{"date", "2027-12-01"}}, "name"},
      {{{"date", "2027-12-01"}, {"name", std::string(101, 'a')}}, "name"},
      {{{"date", "2027-12-01"}, {"name", "Làm bù"}, {"working_day", "1"}}, "working_day"},
      // Wednesday: a weekday is a working day already.
      {{{"date", "2027-12-01"}, {"name", "Làm bù"}, {"working_day", true}}, "date"},
  };
  for (const Bad& item : bad) {
    INFO(item.body.dump());
    const auto refused = h.post(kPath, item.body, {.cookie = admin});
    CHECK(refused.status == 422);
    CHECK(body_of(refused)["error"]["fields"].contains(item.field));
  }
  // Bytes that are not UTF-8 never reach the table.
  const auto not_utf8 =
      h.call("POST", kPath, "{\"date\":\"2027-12-01\",\"name\":\"\xC3\x28\"}", {.cookie = admin});
  CHECK(not_utf8.status == 400);
  CHECK(h.count_rows("holidays") == rows);
  const auto name_error = h.post(kPath, {{"date", "2027-12-01"}, {"name", ""}}, {.cookie = admin});
  CHECK(body_of(name_error)["error"]["fields"]["name"] == "Vui lòng nhập tên ngày nghỉ.");

  // A make-up working Saturday is accepted.
  const auto saturday =
      h.post(kPath, {{"date", "2027-12-04"}, {"name", "Làm bù"}, {"working_day", true}},
             {.cookie = admin});
  CHECK(saturday.status == 201);
  CHECK(body_of(saturday)["holiday"]["working_day"] == true);
}

TEST_CASE("an admin removes a holiday; a restart does not bring it back, nor undo an edit") {
  FeedbackHarness h;
  const std::string admin = h.official("admin", "0912000001", "");
  CHECK(h.del(kPath + "/2027-09-03", {.cookie = admin}).status == 204);
  CHECK_FALSE(find_date(holidays(h, admin), "2027-09-03"));
  const auto again = h.del(kPath + "/2027-09-03", {.cookie = admin});
  CHECK(again.status == 404);
  CHECK(body_of(again)["error"]["message"] == "Không tìm thấy ngày nghỉ này.");
  CHECK(h.del(kPath + "/2030-01-01", {.cookie = admin}).status == 404);
  CHECK(h.del(kPath + "/khong-phai-ngay", {.cookie = admin}).status == 404);

  // The adjacent day the government picks for 2/9/2027 turned out to be Wednesday 1/9.
  REQUIRE(h.post(kPath,
                 {{"date", "2027-09-01"}, {"name", "Quốc khánh (ngày liền kề, theo thông báo)"}},
                 {.cookie = admin})
              .status == 201);
  // A day from the file, removed then added back under another name, keeps the admin's name.
  REQUIRE(h.del(kPath + "/2027-01-01", {.cookie = admin}).status == 204);
  REQUIRE(
      h.post(kPath, {{"date", "2027-01-01"}, {"name", "Tết Dương lịch 2027"}}, {.cookie = admin})
          .status == 201);

  reload_seed(h);  // what the server does at every start
  const json list = holidays(h, admin);
  CHECK_FALSE(find_date(list, "2027-09-03"));
  REQUIRE(find_date(list, "2027-09-01"));
  REQUIRE(find_date(list, "2027-01-01"));
  CHECK(find_date(list, "2027-01-01")->at("name") == "Tết Dương lịch 2027");
  CHECK(find_date(list, "2026-01-01")->at("name") == "Tết Dương lịch");
}

TEST_CASE("feedback sent just before Tết 2027 gets deadlines after it") {
  FeedbackHarness h;
  // Thursday 4/02/2027 15:00 Vietnam time; Tết (with the days off in lieu) is 5–11/02.
  h.set_vietnam_time("2027-02-04", 15, 0);
  const std::string citizen = h.citizen("0987654321");
  const json feedback = h.create(citizen);
  CHECK(feedback["created_at"] == "2027-02-04T08:00:00Z");
  // 2 working hours on Thursday, 6 from Friday 12/02 7:30 → 15:30 (08:30 UTC).
  CHECK(feedback["receive_deadline"] == "2027-02-12T08:30:00Z");
  // "Giao thông" answers in 10 working days (75 h): 2 h on 4/02, 9 days 12–24/02, 5.5 h on 25/02.
  CHECK(feedback["answer_deadline"] == "2027-02-25T08:00:00Z");

  // Open311 clients get the same calendar.
  const std::string admin = h.official("admin", "0912000001", "");
  const std::string key = h.issue_open311_key(admin)["api_key"];
  const auto posted = h.open311_post(
      "service_code=giao-thong&lat=22.666&long=106.258&description=%C4%90%C3%A8n%20h%E1%BB%8Fng&"
      "api_key=" +
      key);
  REQUIRE_MESSAGE(posted.status == 201, posted.body);
  const std::string id = body_of(posted)[0]["service_request_id"];
  const auto request = h.get("/open311/v2/requests/" + id + ".json?api_key=" + key);
  CHECK(body_of(request)[0]["expected_datetime"] == "2027-02-25T08:00:00Z");

  // An admin removes the last day off (11/02): later feedback counts it, the first keeps its
  // deadlines (they are not recomputed).
  REQUIRE(h.del(kPath + "/2027-02-11", {.cookie = admin}).status == 204);
  const json later = h.create(citizen);
  CHECK(later["receive_deadline"] == "2027-02-11T08:30:00Z");
  CHECK(later["answer_deadline"] == "2027-02-24T08:00:00Z");
  const auto first = h.get("/api/v1/feedback/" + feedback["id"].dump(), {.cookie = citizen});
  CHECK(body_of(first)["feedback"]["receive_deadline"] == "2027-02-12T08:30:00Z");
}

TEST_CASE("a transfer or a reopen during Tết 2027 counts from after Tết") {
  FeedbackHarness h;
  h.set_vietnam_time("2027-02-01", 9, 0);
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0912000002", "so-xay-dung");
  const json feedback = h.create(citizen);
  const long long id = feedback["id"];
  const json resolved = h.create(citizen);
  const long long resolved_id = resolved["id"];
  REQUIRE(h.act(resolved_id, {{"action", "receive"}}, officer).status == 200);
  REQUIRE(h.act(resolved_id, {{"action", "resolve"}, {"note", "Đã vá ổ gà"}}, officer).status ==
          200);

  // Saturday 6/02 10:00, mùng 1 Tết: an official on duty transfers the first one.
  h.set_vietnam_time("2027-02-06", 10, 0);
  const std::string on_duty = h.sign_in("0912000002", "Mat khau can bo 2025");
  const auto transferred = h.act(
      id, {{"action", "transfer"}, {"agency", "cong-an-tinh"}, {"note", "Thuộc an ninh trật tự"}},
      on_duty);
  REQUIRE_MESSAGE(transferred.status == 200, transferred.body);
  // Friday 12/02 gives 7.5 h, Monday 15/02 the last 0.5 h → 8:00 (01:00 UTC).
  CHECK(body_of(transferred)["feedback"]["receive_deadline"] == "2027-02-15T01:00:00Z");
  // 10 working days from Friday 12/02 7:30 end on Thursday 25/02 at 17:00 (10:00 UTC).
  CHECK(body_of(transferred)["feedback"]["answer_deadline"] == "2027-02-25T10:00:00Z");

  const std::string author = h.sign_in("0987654321", "Non nuoc Cao Bang 1");
  const auto reopened = h.post("/api/v1/feedback/" + std::to_string(resolved_id) + "/reopen",
                               {{"reason", "Ổ gà lại xuất hiện"}}, {.cookie = author});
  REQUIRE_MESSAGE(reopened.status == 200, reopened.body);
  CHECK(body_of(reopened)["feedback"]["answer_deadline"] == "2027-02-25T10:00:00Z");
}
