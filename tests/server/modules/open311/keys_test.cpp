// Open311 API keys: admins issue, list and revoke them; the list never shows a key or its hash,
// and a revoked key can no longer post requests.
#include <doctest/doctest.h>

#include "modules/feedback/feedback_harness.h"
#include "security/crypto.h"

using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

const std::string kPath = "/api/v1/admin/open311-keys";
const std::string kForm =
    "service_code=giao-thong&lat=22.666&long=106.258&description=%C4%90%C3%A8n%20%C4%91%C6%B0%E1%"
    "BB%9Dng%20h%E1%BB%8Fng";

}  // namespace

TEST_CASE("an admin issues keys and lists them without the key or its hash") {
  FeedbackHarness h;
  const std::string admin = h.official("admin", "0912000001", "", "Hoàng Văn Quản");
  const json issued = h.issue_open311_key(admin);
  CHECK(issued["api_key"].get<std::string>().size() >= 32);
  CHECK(issued["id"].is_number_integer());
  CHECK(issued["name"] == "Cổng DVC quốc gia");
  CHECK(issued["created_at"] == "2025-03-04T05:00:00Z");
  h.clock.advance(std::chrono::hours(1));
  const json second = h.issue_open311_key(admin, "  Hệ thống phân tích  ");
  CHECK(second["name"] == "Hệ thống phân tích");

  const auto response = h.get(kPath, {.cookie = admin});
  REQUIRE_MESSAGE(response.status == 200, response.body);
  CHECK(response.headers.get("Cache-Control").value_or("") == "no-store");
  const json keys = body_of(response)["keys"];
  REQUIRE(keys.size() == 2);
  CHECK(keys[0] == json({{"id", issued["id"]},
                         {"name", "Cổng DVC quốc gia"},
                         {"created_at", "2025-03-04T05:00:00Z"},
                         {"revoked_at", nullptr},
                         {"created_by", {{"name", "Hoàng Văn Quản"}}}}));
  CHECK(keys[1]["created_at"] == "2025-03-04T06:00:00Z");
  for (const json& key : {issued, second}) {
    const std::string secret = key["api_key"];
    CHECK(response.body.find(secret) == std::string::npos);
    CHECK(response.body.find(cdscb::server::security::sha256_hex(secret)) == std::string::npos);
  }
}

TEST_CASE("only admins issue, list or revoke keys; a key needs a name") {
  FeedbackHarness h;
  const std::string admin = h.official("admin", "0912000001", "");
  const std::string officer = h.official("officer", "0912000002", "so-xay-dung");
  const std::string citizen = h.citizen("0987654321");
  const long long id = h.issue_open311_key(admin)["id"];
  for (const std::string& cookie : {officer, citizen}) {
    CHECK(h.get(kPath, {.cookie = cookie}).status == 403);
    CHECK(h.post(kPath, {{"name", "Khóa lạ"}}, {.cookie = cookie}).status == 403);
    CHECK(h.del(kPath + "/" + std::to_string(id), {.cookie = cookie}).status == 403);
  }
  CHECK(h.get(kPath).status == 401);
  for (const json& body : {json{{"name", "  "}}, json::object(), json{{"name", 5}},
                           json{{"name", std::string(101, 'k')}}}) {
    const auto refused = h.post(kPath, body, {.cookie = admin});
    CHECK(refused.status == 422);
    CHECK(body_of(refused)["error"]["fields"].contains("name"));
  }
  CHECK(body_of(h.post(kPath, json::object(), {.cookie = admin}))["error"]["fields"]["name"] ==
        "Vui lòng nhập tên hệ thống dùng khóa.");
  CHECK(h.count_rows("open311_api_keys") == 1);
  CHECK(h.count_rows("open311_api_keys", "revoked_at IS NOT NULL") == 0);
}

TEST_CASE("a revoked key cannot post requests any more; revoking again changes nothing") {
  FeedbackHarness h;
  const std::string admin = h.official("admin", "0912000001", "");
  const json issued = h.issue_open311_key(admin);
  const std::string key = issued["api_key"];
  const std::string id = issued["id"].dump();
  const json other = h.issue_open311_key(admin, "Hệ thống khác");

  const auto posted = h.open311_post(kForm + "&api_key=" + key);
  REQUIRE_MESSAGE(posted.status == 201, posted.body);
  CHECK(h.count_rows("feedback") == 1);

  h.clock.advance(std::chrono::minutes(10));
  CHECK(h.del(kPath + "/" + id, {.cookie = admin}).status == 204);
  json keys = body_of(h.get(kPath, {.cookie = admin}))["keys"];
  CHECK(keys[0]["revoked_at"] == "2025-03-04T05:10:00Z");
  CHECK(keys[1]["revoked_at"].is_null());

  const auto refused = h.open311_post(kForm + "&api_key=" + key);
  CHECK(refused.status == 403);
  CHECK(body_of(refused) ==
        json::array({{{"code", 403}, {"description", "Khóa API đã bị thu hồi."}}}));
  CHECK(h.count_rows("feedback") == 1);
  // The request it posted is not published: with the revoked key it is not readable any more.
  const std::string request_id = body_of(posted)[0]["service_request_id"];
  CHECK(h.get("/open311/v2/requests/" + request_id + ".json?api_key=" + key).status == 404);
  // The other key still works.
  CHECK(h.open311_post(kForm + "&api_key=" + other["api_key"].get<std::string>()).status == 201);

  // Again: 204, and the first revocation time stays.
  h.clock.advance(std::chrono::minutes(10));
  CHECK(h.del(kPath + "/" + id, {.cookie = admin}).status == 204);
  keys = body_of(h.get(kPath, {.cookie = admin}))["keys"];
  CHECK(keys[0]["revoked_at"] == "2025-03-04T05:10:00Z");
  const auto unknown = h.del(kPath + "/999", {.cookie = admin});
  CHECK(unknown.status == 404);
  CHECK(body_of(unknown)["error"]["message"] == "Không tìm thấy khóa API.");
  CHECK(h.del(kPath + "/abc", {.cookie = admin}).status == 404);
}
