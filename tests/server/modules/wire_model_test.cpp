// One wire model: every feedback the API sends is exactly core's record mapping
// (core/feedback_json.h) of what it means, and core's validation message keys answer their
// Vietnamese text from public/i18n/vi.json.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/accounts.h"
#include "core/feedback.h"
#include "core/feedback_json.h"
#include "modules/feedback/feedback_harness.h"
#include "util/vietnamese.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

json vi_json() {
  std::ifstream in(std::string(CDSCB_SOURCE_DIR) + "/public/i18n/vi.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

// The answer reads into core's record and writes back to exactly the same JSON: nothing the
// server sends is outside the record, and nothing is written differently.
void check_core_mapping(const json& feedback) {
  const auto record = core::feedback_record_from_json(feedback);
  REQUIRE_MESSAGE(record, feedback.dump());
  CHECK_MESSAGE(core::feedback_record_json<json>(*record) == feedback, feedback.dump());
}

}  // namespace

TEST_CASE("every view of a feedback is core's record mapping, the timeline included") {
  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  const std::string officer = h.official("officer", "0900000102", "so-xay-dung", "Trần Văn Bình");
  const std::string follower = h.citizen("0912345678", "Lý Thị Mai");
  const json created = h.create(citizen);
  check_core_mapping(created);
  const long long id = created["id"].get<long long>();
  const std::string path = "/api/v1/feedback/" + std::to_string(id);
  // Published, so that a neighbour may follow it by its id (unpublished takes a follow token).
  REQUIRE(h.act(id, {{"action", "publish"}}, officer).status == 200);
  REQUIRE(h.post(path + "/follow", json::object(), {.cookie = follower}).status == 204);
  REQUIRE(h.act(id, {{"action", "receive"}}, officer).status == 200);
  const auto assigned =
      h.act(id, {{"action", "assign"}, {"assignee_id", h.official_id("0900000102")}}, officer);
  REQUIRE_MESSAGE(assigned.status == 200, assigned.body);
  check_core_mapping(body_of(assigned)["feedback"]);
  CHECK(body_of(assigned)["feedback"]["assignee"]["name"] == "Trần Văn Bình");
  REQUIRE(h.act(id, {{"action", "resolve"}, {"note", "Đã vá."}}, officer).status == 200);
  const auto rated =
      h.post(path + "/rating", {{"stars", 4}, {"comment", "Được"}}, {.cookie = citizen});
  REQUIRE_MESSAGE(rated.status == 200, rated.body);
  check_core_mapping(body_of(rated)["feedback"]);

  // The full view (author, official), the public one and the follower's, each with its parts.
  for (const std::string& viewer : {citizen, officer, follower, std::string()}) {
    const auto detail = h.get(path, {.cookie = viewer});
    REQUIRE_MESSAGE(detail.status == 200, detail.body);
    const json feedback = body_of(detail)["feedback"];
    REQUIRE(feedback["updates"].is_array());
    CHECK(feedback["answer"]["text"] == "Đã vá.");
    check_core_mapping(feedback);
  }
  for (const auto& [list, cookie] :
       {std::pair{"/api/v1/feedback/mine", citizen}, std::pair{"/api/v1/officer/feedback", officer},
        std::pair{"/api/v1/public/feedback", std::string()}}) {
    const json items = body_of(h.get(list, {.cookie = cookie}))["items"];
    REQUIRE_MESSAGE(items.size() == 1, list);
    check_core_mapping(items[0]);
  }
}

TEST_CASE("the server answers core's validation keys with their vi.json text") {
  const json vi = vi_json();
  std::size_t keys = 0;
  for (auto it = vi.begin(); it != vi.end(); ++it) {
    if (!it.key().starts_with("validation.")) continue;
    ++keys;
    CHECK(util::vietnamese(it.key()) == it.value().get<std::string>());
  }
  CHECK(keys >= 30);
  CHECK(util::vietnamese("Không tìm thấy.") == "Không tìm thấy.");  // the server's own text
  CHECK(util::vietnamese(core::kTitleRequired) == vi["validation.feedback.title_required"]);

  FeedbackHarness h;
  const std::string citizen = h.citizen("0987654321");
  json body = draft();
  body["title"] = "  ";
  body["field"] = "";
  const auto refused = h.send(body, citizen, new_key());
  REQUIRE(refused.status == 422);
  const json fields = body_of(refused)["error"]["fields"];
  CHECK(fields["title"] == vi["validation.feedback.title_required"]);
  CHECK(fields["title"] == "Vui lòng nhập tiêu đề.");
  CHECK(fields["field"] == vi["validation.feedback.field_required"]);
  for (const auto& [field, message] : fields.items())
    CHECK_MESSAGE(!message.get<std::string>().starts_with("validation."), field);

  json far = draft();
  far["location"] = {{"lat", 21.0}, {"lng", 105.8}};  // Hà Nội
  const auto outside = h.send(far, citizen, new_key());
  REQUIRE(outside.status == 422);
  CHECK(body_of(outside)["error"]["message"] == vi["validation.feedback.outside_province"]);
}
