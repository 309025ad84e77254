// Open311 GeoReport v2: answers validated against the published JSON schemas in
// tests/server/open311-georeport-v2 (via a small validator for the keywords they use).
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>

#include "modules/feedback/feedback_harness.h"

using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

const std::filesystem::path kSchemas =
    std::filesystem::path(CDSCB_SOURCE_DIR) / "tests/server/open311-georeport-v2";

json load_schema(const std::string& file) {
  std::ifstream in(kSchemas / file);
  REQUIRE_MESSAGE(in, "missing schema " << file);
  return json::parse(in);
}

bool type_matches(const json& value, const std::string& type) {
  if (type == "string") return value.is_string();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "array") return value.is_array();
  if (type == "object") return value.is_object();
  if (type == "null") return value.is_null();
  return false;
}

// The JSON Schema keywords the GeoReport v2 schemas use: $ref (a file in the folder), type, enum,
// required, properties, items, anyOf, maxLength. Appends what is wrong to `errors`.
void validate(const json& value, const json& schema, const std::string& at,
              std::vector<std::string>& errors) {
  if (schema.contains("$ref")) {
    validate(value, load_schema(schema["$ref"]), at, errors);
    return;
  }
  if (schema.contains("anyOf")) {
    for (const auto& option : schema["anyOf"]) {
      std::vector<std::string> inner;
      validate(value, option, at, inner);
      if (inner.empty()) return;
    }
    errors.push_back(at + ": matches none of anyOf");
    return;
  }
  if (schema.contains("type") && !type_matches(value, schema["type"])) {
    errors.push_back(at + ": not a " + schema["type"].get<std::string>());
    return;
  }
  if (schema.contains("enum") &&
      std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end()) {
    errors.push_back(at + ": " + value.dump() + " not in enum");
  }
  if (schema.contains("maxLength") && value.is_string() &&
      value.get<std::string>().size() > schema["maxLength"].get<std::size_t>() * 4) {
    errors.push_back(at + ": too long");
  }
  if (schema.contains("required")) {
    for (const auto& name : schema["required"]) {
      if (!value.contains(name.get<std::string>())) {
        errors.push_back(at + ": missing " + name.get<std::string>());
      }
    }
  }
  if (schema.contains("properties") && value.is_object()) {
    for (const auto& [name, property] : schema["properties"].items()) {
      if (value.contains(name)) validate(value[name], property, at + "." + name, errors);
    }
  }
  if (schema.contains("items") && value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      validate(value[i], schema["items"], at + "[" + std::to_string(i) + "]", errors);
    }
  }
}

void check_against(const cdscb::server::http::Response& response, const std::string& schema) {
  REQUIRE_MESSAGE(response.status == 200, response.body);
  std::vector<std::string> errors;
  validate(body_of(response), load_schema(schema), "$", errors);
  CHECK_MESSAGE(errors.empty(), schema << ": " << (errors.empty() ? "" : errors.front()));
}

}  // namespace

TEST_CASE("Open311 discovery and services follow GeoReport v2") {
  FeedbackHarness h;
  const json discovery = body_of(h.get("/open311/v2/discovery.json"));
  for (const char* name : {"changeset", "contact", "key_service", "endpoints"}) {
    CHECK(discovery.contains(name));
  }
  for (const char* name : {"specification", "url", "changeset", "type", "formats"}) {
    CHECK(discovery["endpoints"][0].contains(name));
  }
  check_against(h.get("/open311/v2/services.json"), "services.json");
  CHECK(body_of(h.get("/open311/v2/services.json"))[0]["service_code"] == "giao-thong");
  check_against(h.get("/open311/v2/services/giao-thong.json"), "service-definition.json");
  CHECK(h.get("/open311/v2/services/khong-co.json").status == 404);
}

TEST_CASE("Open311 requests: published ones without a key, posting needs a key") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  const std::string admin = h.official("admin", "0900000101", "");
  const long long published = h.create(citizen)["id"];
  const long long hidden = h.create(citizen, {{"title", "Riêng tư"}})["id"];
  REQUIRE(h.act(published, {{"action", "publish"}}, officer).status == 200);

  const auto list = h.get("/open311/v2/requests.json");
  check_against(list, "requests.json");
  REQUIRE(body_of(list).size() == 1);
  CHECK(body_of(list)[0]["service_request_id"] == std::to_string(published));
  CHECK(body_of(list)[0]["status"] == "open");
  CHECK(body_of(list)[0]["status_notes"] == "Đã gửi");
  CHECK(list.body.find("Nông Văn Dũng") == std::string::npos);
  check_against(h.get("/open311/v2/requests/" + std::to_string(published) + ".json"),
                "requests.json");
  CHECK(h.get("/open311/v2/requests/" + std::to_string(hidden) + ".json").status == 404);
  CHECK(body_of(h.get("/open311/v2/requests.json?status=closed")).empty());

  const std::string form =
      "service_code=giao-thong&lat=22.667&long=106.259&address_string=Ng%C3%B5%203&"
      "description=%C4%90%C3%A8n%20%C4%91%C6%B0%E1%BB%9Dng%20h%E1%BB%8Fng";
  const auto refused = h.open311_post(form);
  CHECK(refused.status == 403);
  CHECK(body_of(refused)[0]["code"] == 403);
  CHECK(h.open311_post(form + "&api_key=wrong").status == 403);
  CHECK(h.count_rows("feedback") == 2);

  const std::string key = h.issue_open311_key(admin)["api_key"];
  const auto posted = h.open311_post(form + "&api_key=" + key);
  REQUIRE_MESSAGE(posted.status == 201, posted.body);
  const std::string id = body_of(posted)[0]["service_request_id"];
  CHECK(h.count_rows("feedback") == 3);
  const auto mine = h.get("/open311/v2/requests/" + id + ".json?api_key=" + key);
  check_against(mine, "requests.json");
  CHECK(body_of(mine)[0]["description"].get<std::string>().find("Đèn đường hỏng") !=
        std::string::npos);
  CHECK(body_of(h.get("/open311/v2/tokens/" + id +
                      ".json?api_key=" + key))[0]["service_request_id"] == id);
  // Without the key, the token of an unpublished request is as unknown as a missing one.
  CHECK(h.get("/open311/v2/tokens/" + id + ".json").status == 404);
  const auto outside =
      h.open311_post("service_code=giao-thong&lat=21.0&long=105.8&description=x&api_key=" + key);
  CHECK(outside.status == 400);
  CHECK(body_of(outside)[0]["description"] == "Vị trí nằm ngoài tỉnh Cao Bằng.");
  CHECK(h.count_rows("feedback") == 3);
}

namespace {

// GeoReport's error list: [{"code": status, "description"}].
void check_open311_error(const cdscb::server::http::Response& response, int status,
                         const std::string& description) {
  CHECK(response.status == status);
  const json body = body_of(response);
  REQUIRE(body.is_array());
  REQUIRE(!body.empty());
  CHECK(body[0]["code"] == status);
  CHECK(body[0]["description"] == description);
}

std::vector<std::string> request_ids(const cdscb::server::http::Response& response) {
  REQUIRE_MESSAGE(response.status == 200, response.body);
  std::vector<std::string> ids;
  for (const auto& item : body_of(response)) ids.push_back(item["service_request_id"]);
  return ids;
}

}  // namespace

TEST_CASE("Open311 discovery names --public-origin, whatever the Host header says") {
  FeedbackHarness h;
  auto request = make_request("GET", "/open311/v2/discovery.json");
  request.headers.add("Host", "evil.example");
  request.headers.add("X-Forwarded-Host", "evil.example");
  const auto response = h.router().dispatch(request);
  REQUIRE(response.status == 200);
  CHECK(body_of(response)["endpoints"][0]["url"] == std::string(kPublicOrigin) + "/open311/v2");
  CHECK(response.body.find("evil") == std::string::npos);
}

TEST_CASE("Open311 service_request_id lists are capped at 50") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  const long long id = h.create(citizen)["id"];
  REQUIRE(h.act(id, {{"action", "publish"}}, officer).status == 200);
  std::string fifty = std::to_string(id);
  for (int i = 1; i < 50; ++i) fifty += "," + std::to_string(id + i);
  const auto answered = h.get("/open311/v2/requests.json?service_request_id=" + fifty);
  check_against(answered, "requests.json");
  CHECK(request_ids(answered) == std::vector<std::string>{std::to_string(id)});
  check_open311_error(h.get("/open311/v2/requests.json?service_request_id=" + fifty + ",999"), 400,
                      "Chỉ được hỏi tối đa 50 mã phản ánh (service_request_id) mỗi lần.");
}

TEST_CASE("Open311 status is filtered before the list's limit of 1000") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  const long long closed = h.create(citizen)["id"];
  REQUIRE(h.act(closed, {{"action", "publish"}}, officer).status == 200);
  REQUIRE(h.act(closed, {{"action", "receive"}}, officer).status == 200);
  REQUIRE(h.act(closed, {{"action", "resolve"}, {"note", "Đã vá."}}, officer).status == 200);
  const long long open = h.create(citizen)["id"];
  REQUIRE(h.act(open, {{"action", "publish"}}, officer).status == 200);
  {
    // 1000 newer open published requests, copies of `open` (sending them through the API is slow).
    soci::session sql(h.database().pool());
    soci::transaction transaction(sql);
    for (int i = 0; i < 1000; ++i) {
      sql << "INSERT INTO feedback (user_id, title, content, field, agency, status, lat, lng, "
             "commune, published, created_at, updated_at, receive_deadline, answer_deadline) "
             "SELECT user_id, title, content, field, agency, status, lat, lng, commune, 1, "
             "created_at, updated_at, receive_deadline, answer_deadline FROM feedback "
             "WHERE id = :id",
          soci::use(open);
    }
    transaction.commit();
  }
  const auto closed_only = h.get("/open311/v2/requests.json?status=closed");
  check_against(closed_only, "requests.json");
  CHECK(request_ids(closed_only) == std::vector<std::string>{std::to_string(closed)});
  const auto open_only = request_ids(h.get("/open311/v2/requests.json?status=open"));
  CHECK(open_only.size() == 1000);
  CHECK(std::find(open_only.begin(), open_only.end(), std::to_string(closed)) == open_only.end());
  CHECK(request_ids(h.get("/open311/v2/requests.json?status=closed&service_code=giao-thong")) ==
        std::vector<std::string>{std::to_string(closed)});
  CHECK(request_ids(h.get("/open311/v2/requests.json?status=closed&service_code=moi-truong"))
            .empty());
}

TEST_CASE("Open311 dates are read with their offsets") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung");
  // The harness clock: 2025-03-04T05:00:00Z, which is 12:00 in Cao Bằng (+07:00).
  const long long id = h.create(citizen)["id"];
  REQUIRE(h.act(id, {{"action", "publish"}}, officer).status == 200);
  const std::vector<std::string> found{std::to_string(id)};
  const auto list = [&](const std::string& query) {
    return request_ids(h.get("/open311/v2/requests.json?" + query));
  };
  CHECK(list("start_date=2025-03-04T12:00:00%2B07:00") == found);
  CHECK(list("start_date=2025-03-04T05:00:00Z") == found);
  CHECK(list("start_date=2025-03-04T12:00:01%2B07:00").empty());
  CHECK(list("start_date=2025-03-04T05:00:01Z").empty());
  CHECK(list("end_date=2025-03-04T12:00:00%2B07:00") == found);
  CHECK(list("end_date=2025-03-04T11:59:59%2B07:00").empty());
  CHECK(list("end_date=2025-03-04T00:00:00-05:00") == found);  // 05:00Z
  CHECK(list("start_date=2025-03-04T11:00:00%2B07:00&end_date=2025-03-04T05:30:00Z") == found);
  check_open311_error(h.get("/open311/v2/requests.json?start_date=2025-03-04"), 400,
                      "start_date phải là thời điểm RFC 3339, ví dụ 2026-11-26T14:05:00+07:00.");
  check_open311_error(h.get("/open311/v2/requests.json?end_date=2025-03-04T12:00:00"), 400,
                      "end_date phải là thời điểm RFC 3339, ví dụ 2026-11-26T14:05:00+07:00.");
}
