// The public map: published feedback inside a box, filtered like the public list, at most 500
// points, and no personal data.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "modules/feedback/feedback_harness.h"

using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

// The whole province (Leaflet order: west, south, east, north) and a box around Thục Phán ward.
constexpr const char* kProvince = "/api/v1/public/feedback/map?bbox=105.25,22.35,106.85,23.15";
constexpr const char* kThucPhan = "/api/v1/public/feedback/map?bbox=106.24,22.65,106.27,22.68";

struct MapFixture {
  FeedbackHarness h;
  std::string citizen = h.citizen("0987654321");
  std::string admin = h.official("admin", "0900000101", "");

  long long publish(const json& overrides = {}) {
    const long long id = h.create(citizen, overrides)["id"];
    REQUIRE(h.act(id, {{"action", "publish"}}, admin).status == 200);
    return id;
  }
  json ids(const std::string& path) {
    const auto response = h.get(path);
    REQUIRE(response.status == 200);
    const json body = body_of(response);
    json out = json::array();
    for (const auto& item : body["items"]) out.push_back(item["id"]);
    return out;
  }
};

}  // namespace

TEST_CASE("the map shows published feedback only, with what a marker needs and nothing personal") {
  MapFixture f;
  const long long shown = f.publish({{"location", {{"lat", 22.6661234}, {"lng", 106.2587654}}}});
  const long long hidden = f.h.create(f.citizen, {{"title", "Chưa công khai"}})["id"];
  const auto response = f.h.get(kProvince);
  REQUIRE(response.status == 200);
  const json body = body_of(response);
  REQUIRE(body["items"].size() == 1);
  CHECK(body["truncated"] == false);
  const json item = body["items"][0];
  CHECK(item["id"] == shown);
  CHECK(item["title"] == "Ổ gà lớn trên đường Kim Đồng");
  CHECK(item["lat"] == 22.6661234);  // the exact point, never snapped
  CHECK(item["lng"] == 106.2587654);
  CHECK(item["status"] == "submitted");
  CHECK(item["status_label"] == "Đã gửi");
  CHECK(item["field"] == json({{"code", "giao-thong"}, {"name", "Giao thông"}}));
  CHECK(item.size() == 7);  // id, title, lat, lng, status, status_label, field: nothing else
  CHECK(response.body.find("Nông Văn Dũng") == std::string::npos);
  CHECK(response.body.find("0987654321") == std::string::npos);
  CHECK(response.body.find("Kim Đồng\",\"") == std::string::npos);  // no address or content
  CHECK(response.body.find("Chưa công khai") == std::string::npos);

  // Unpublishing takes it off the map; publishing the other one puts that one on.
  REQUIRE(f.h.act(shown, {{"action", "unpublish"}}, f.admin).status == 200);
  REQUIRE(f.h.act(hidden, {{"action", "publish"}}, f.admin).status == 200);
  CHECK(f.ids(kProvince) == json::array({hidden}));
}

TEST_CASE("the map answers the points inside the box") {
  MapFixture f;
  const long long ward = f.publish();  // 22.666, 106.258
  const long long north = f.publish({{"location", {{"lat", 22.95}, {"lng", 105.9}}}});
  CHECK(f.ids(kProvince) == json::array({north, ward}));  // newest first
  CHECK(f.ids(kThucPhan) == json::array({ward}));
  CHECK(f.ids("/api/v1/public/feedback/map?bbox=105.8,22.9,106.0,23.0") == json::array({north}));
  CHECK(f.ids("/api/v1/public/feedback/map?bbox=105.3,22.4,105.4,22.5").empty());
  // The edges belong to the box.
  CHECK(f.ids("/api/v1/public/feedback/map?bbox=106.258,22.666,106.3,22.7") == json::array({ward}));
}

TEST_CASE("the map filters by field, status and commune like the list") {
  MapFixture f;
  const long long road = f.publish();
  const long long waste = f.publish({{"field", "moi-truong"}, {"title", "Rác thải ven đường"}});
  const long long elsewhere = f.publish({{"commune", "xa-bao-lac"}, {"title", "Ở Bảo Lạc"}});
  REQUIRE(f.h.act(road, {{"action", "receive"}}, f.admin).status == 200);
  const std::string base = kProvince;
  CHECK(f.ids(base + "&field=moi-truong") == json::array({waste}));
  CHECK(f.ids(base + "&field=giao-thong") == json::array({elsewhere, road}));
  CHECK(f.ids(base + "&status=received") == json::array({road}));
  CHECK(f.ids(base + "&commune=xa-bao-lac") == json::array({elsewhere}));
  CHECK(f.ids(base + "&field=giao-thong&status=submitted&commune=xa-bao-lac") ==
        json::array({elsewhere}));
  CHECK(f.ids(base + "&field=khong-co").empty());
  // An empty filter is no filter, as in the list.
  CHECK(f.ids(base + "&field=&status=&commune=").size() == 3);
}

TEST_CASE("the map keeps the newest 500 points and says when there were more") {
  MapFixture f;
  const long long first = f.publish();
  {
    // 500 more published rows, copies of the first (sending 500 through the API is slow).
    soci::session sql(f.h.database().pool());
    soci::transaction transaction(sql);
    for (int i = 0; i < 500; ++i) {
      sql << "INSERT INTO feedback (user_id, title, content, field, agency, status, lat, lng, "
             "commune, published, created_at, updated_at, receive_deadline, answer_deadline) "
             "SELECT user_id, title, content, field, agency, status, lat, lng, commune, 1, "
             "created_at, updated_at, receive_deadline, answer_deadline FROM feedback "
             "WHERE id = :id",
          soci::use(first);
    }
    transaction.commit();
  }
  const json body = body_of(f.h.get(kProvince));
  REQUIRE(body["items"].size() == 500);
  CHECK(body["truncated"] == true);
  CHECK(body["items"][0]["id"].get<long long>() == first + 500);
  CHECK(body["items"][499]["id"].get<long long>() == first + 1);  // the oldest is the one left out
  // Exactly 500 is not truncated.
  REQUIRE(f.h.act(first, {{"action", "unpublish"}}, f.admin).status == 200);
  const json exact = body_of(f.h.get(kProvince));
  CHECK(exact["items"].size() == 500);
  CHECK(exact["truncated"] == false);
}

TEST_CASE("a bad box or status is refused with a Vietnamese message") {
  MapFixture f;
  f.publish();
  for (const std::string bbox :
       {"", "?bbox=", "?bbox=106,22,107", "?bbox=106,22,107,23,1", "?bbox=a,b,c,d",
        "?bbox=106,22,107,nan", "?bbox=106,22,107,inf", "?bbox=107,22,106,23",
        "?bbox=106,23,107,22", "?bbox=106,22,106,23", "?bbox=106,-91,107,23",
        "?bbox=-181,22,107,23", "?bbox=106,%2022,107,23", "?bbox=106,22,107,23x"}) {
    CAPTURE(bbox);
    const auto response = f.h.get("/api/v1/public/feedback/map" + bbox);
    CHECK(response.status == 422);
    const json error = body_of(response)["error"];
    CHECK(error["code"] == "validation_failed");
    CHECK(error["fields"]["bbox"].get<std::string>().find("Vùng bản đồ không hợp lệ") == 0);
  }
  const auto status = f.h.get(std::string(kProvince) + "&status=mo");
  CHECK(status.status == 422);
  CHECK(body_of(status)["error"]["fields"]["status"] == "Trạng thái không hợp lệ.");
}
