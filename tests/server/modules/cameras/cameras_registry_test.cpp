// The cameras' registry: the public list (search without diacritics, filters, distance order,
// keyset pages), hidden cameras, the source URL never public, and the admins' routes.
#include <doctest/doctest.h>

#include <set>

#include "modules/cameras/cameras_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;

namespace {

std::vector<std::string> codes_of(const json& list) {
  std::vector<std::string> codes;
  for (const auto& item : list["items"]) codes.push_back(item["code"]);
  return codes;
}

const json kNewCamera = {{"code", "cb-cam-04"},
                         {"name", "Chợ Xanh"},
                         {"commune", "phuong-nung-tri-cao"},
                         {"place", "Chợ Xanh, đường Kim Đồng"},
                         {"lat", 22.6701},
                         {"lng", 106.2575},
                         {"kind", "cho"},
                         {"source_url", "http://10.20.0.15/cho-xanh/master.m3u8"}};

}  // namespace

TEST_CASE("cameras: the public list searches without diacritics, filters and pages") {
  CamerasHarness h;
  // Ordered by commune name, then name: Phường Thục Phán, Xã Đàm Thủy (folded "xa dam"), Xã Phục
  // Hòa.
  CHECK(codes_of(h.list("")) == std::vector<std::string>{"cb-cam-01", "cb-cam-03", "cb-cam-02"});
  CHECK(codes_of(h.list("?q=bang%20giang")) == std::vector<std::string>{"cb-cam-01"});
  CHECK(codes_of(h.list("?q=THAC%20BAN%20GIOC")) == std::vector<std::string>{"cb-cam-03"});
  CHECK(codes_of(h.list("?q=dam%20thuy")) == std::vector<std::string>{"cb-cam-03"});  // commune
  CHECK(codes_of(h.list("?q=bi%C3%AAn%20gi%E1%BB%9Bi")).size() == 2);  // "biên giới": place
  CHECK(codes_of(h.list("?kind=cua_khau")) == std::vector<std::string>{"cb-cam-02"});
  CHECK(codes_of(h.list("?commune=xa-dam-thuy")) == std::vector<std::string>{"cb-cam-03"});
  CHECK(h.list("?q=khong%20co")["items"].empty());

  const json first = h.list("");
  const json& camera = first["items"][0];
  CHECK(camera["name"] == "Cầu Bằng Giang");
  CHECK(camera["commune_name"] == "Phường Thục Phán");
  CHECK(camera["kind"] == "muc_nuoc");
  CHECK(camera["status"] == "offline");  // nobody has probed it yet
  CHECK(camera["live"] == "/api/v1/cameras/cb-cam-01/live/master.m3u8");
  CHECK(camera["snapshot"] == "/api/v1/cameras/cb-cam-01/snapshot.jpg");
  CHECK_FALSE(camera.contains("source_url"));

  // Keyset pages of one: every camera once, in the same order.
  std::vector<std::string> walked;
  std::string cursor;
  for (int page = 0; page < 5; ++page) {
    const json list = h.list("?limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor));
    for (const auto& code : codes_of(list)) walked.push_back(code);
    if (list["next_cursor"].is_null()) break;
    cursor = list["next_cursor"];
  }
  CHECK(walked == codes_of(first));

  // Near Bản Giốc: nearest first, with the distance.
  const json near = h.list("?near=22.85,106.72");
  CHECK(codes_of(near) == std::vector<std::string>{"cb-cam-03", "cb-cam-02", "cb-cam-01"});
  CHECK(near["items"][0]["distance_m"].get<long long>() < 1000);
  CHECK(near["items"][2]["distance_m"].get<long long>() > 40000);
  const json near_page = h.list("?near=22.85,106.72&limit=2");
  CHECK(codes_of(near_page).size() == 2);
  CHECK(codes_of(h.list("?near=22.85,106.72&limit=2&cursor=" +
                        near_page["next_cursor"].get<std::string>())) ==
        std::vector<std::string>{"cb-cam-01"});

  for (const char* bad : {"?kind=ho_boi", "?commune=xa-khong-co", "?near=abc", "?cursor=zz"}) {
    const auto response = h.get(std::string("/api/v1/cameras") + bad);
    CHECK_MESSAGE(response.status == 422, bad);
    CHECK(json::parse(response.body)["error"]["message"].get<std::string>().size() > 10);
  }
}

TEST_CASE("cameras: only admins see sources and add, edit, hide or mark maintenance") {
  CamerasHarness h;
  const std::string citizen = h.citizen(), admin = h.admin();
  CHECK(h.get("/api/v1/admin/cameras").status == 401);
  CHECK(h.get("/api/v1/admin/cameras", citizen).status == 403);
  CHECK(h.send("POST", "/api/v1/admin/cameras", kNewCamera, citizen).status == 403);
  CHECK(
      h.send("PATCH", "/api/v1/admin/cameras/cb-cam-01", {{"published", false}}, citizen).status ==
      403);

  const auto all = h.get("/api/v1/admin/cameras", admin);
  REQUIRE(all.status == 200);
  CHECK(all.headers.get("Cache-Control").value_or("") == "no-store");
  const json items = json::parse(all.body)["items"];
  REQUIRE(items.size() == 3);
  CHECK(items[0]["source_url"] == "{nvr}/streams/cam1/master.m3u8");
  CHECK(items[0]["viewers"] == 0);

  const auto created = h.send("POST", "/api/v1/admin/cameras", kNewCamera, admin);
  REQUIRE_MESSAGE(created.status == 201, created.body);
  CHECK(h.send("POST", "/api/v1/admin/cameras", kNewCamera, admin).status == 409);
  CHECK(codes_of(h.list("?kind=cho")) == std::vector<std::string>{"cb-cam-04"});

  json bad = kNewCamera;
  bad["code"] = "Cam 5";
  bad["lat"] = 123;
  bad["kind"] = "ho_boi";
  bad["source_url"] = "rtsp://10.0.0.1/live";
  const auto refused = h.send("POST", "/api/v1/admin/cameras", bad, admin);
  CHECK(refused.status == 422);
  const json fields = json::parse(refused.body)["error"]["fields"];
  for (const char* field : {"code", "lat", "kind", "source_url"}) CHECK(fields.contains(field));

  // Hidden: gone from every public answer; back when published again.
  CHECK(h.send("PATCH", "/api/v1/admin/cameras/cb-cam-04", {{"published", false}}, admin).status ==
        200);
  CHECK(h.list("?kind=cho")["items"].empty());
  CHECK(h.get("/api/v1/cameras/cb-cam-04").status == 404);
  CHECK(h.get("/api/v1/cameras/cb-cam-04/live/master.m3u8").status == 404);
  CHECK(h.get("/api/v1/cameras/cb-cam-04/snapshot.jpg").status == 404);
  CHECK(h.send("PATCH", "/api/v1/admin/cameras/cb-cam-04",
               {{"published", true}, {"name", "Chợ Xanh Cao Bằng"}}, admin)
            .status == 200);
  CHECK(h.list("?q=cho%20xanh%20cao")["items"].size() == 1);
  CHECK(h.send("PATCH", "/api/v1/admin/cameras/cb-cam-99", {{"name", "X"}}, admin).status == 404);
  CHECK(
      h.send("PATCH", "/api/v1/admin/cameras/cb-cam-04", {{"maintenance", "yes"}}, admin).status ==
      422);

  // Maintenance: listed as such; its stream answers 503 with the maintenance error, no fetch.
  CHECK(h.send("PATCH", "/api/v1/admin/cameras/cb-cam-01", {{"maintenance", true}}, admin).status ==
        200);
  CHECK(h.get("/api/v1/cameras/cb-cam-01").body.find("\"status\":\"maintenance\"") !=
        std::string::npos);
  const auto live = h.get("/api/v1/cameras/cb-cam-01/live/master.m3u8");
  CHECK(live.status == 503);
  CHECK(live.headers.get("Retry-After").has_value());
  CHECK(json::parse(live.body)["error"]["code"] == "camera_maintenance");
  CHECK(h.upstream.hits("/streams/cam1/master.m3u8") == 0);
}

TEST_CASE("cameras: no public answer carries a source address") {
  CamerasHarness h;
  h.serve_stream();
  const std::string upstream = h.upstream.base();
  std::vector<std::string> bodies;
  for (const char* target :
       {"/api/v1/cameras", "/api/v1/cameras?near=22.6,106.2", "/api/v1/cameras/cb-cam-01",
        "/api/v1/cameras/cb-cam-01/live/master.m3u8", "/api/v1/cameras/cb-cam-01/live/360p.m3u8",
        "/api/v1/cameras/cb-cam-01/live/720p.m3u8", "/api/v1/cameras/cb-cam-02/live/master.m3u8",
        "/api/v1/cameras/cb-cam-01/snapshot.jpg", "/api/v1/cameras/cb-cam-09"}) {
    const auto response = h.get(target);
    const std::string body(response.body_view());
    CHECK_MESSAGE(body.find(upstream) == std::string::npos, target);
    CHECK_MESSAGE(body.find("127.0.0.1") == std::string::npos, target);
    CHECK_MESSAGE(body.find("{nvr}") == std::string::npos, target);
    CHECK_MESSAGE(body.find("/streams/") == std::string::npos, target);
    for (const auto& [name, value] : response.headers) {
      CHECK_MESSAGE(value.find(upstream) == std::string::npos, target, " header ", name);
    }
  }
}
