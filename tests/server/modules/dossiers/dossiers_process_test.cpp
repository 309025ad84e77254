// A dossier from filing to its result: the citizen's list, view and actions, the officials'
// queue and actions through the status table, supplements and their deadline, late results and
// the apology letter, "Kho giấy tờ", the survey, and the public lookup.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "integrations/media_test_support.h"
#include "modules/dossiers/dossiers_harness.h"
#include "modules/dossiers/personal_data.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;

namespace {

struct World {
  DossiersHarness h;
  std::string citizen = h.citizen("0913000001", "Nông Văn Dũng");
  std::string stranger = h.citizen("0913000002", "Lê Văn Tám");
  std::string officer = h.official("0913000003", core::Role::kOfficer, kLltpAgency);
  std::string other_officer = h.official("0913000004", core::Role::kOfficer, "so-y-te");
  std::string admin = h.official("0913000005", core::Role::kAdmin, "");
};

std::vector<std::string> actions_of(const nlohmann::json& dossier) {
  return dossier["actions"].get<std::vector<std::string>>();
}

}  // namespace

TEST_CASE("dossiers: from filing to the result, with a supplement, in the timeline") {
  World w;
  auto& h = w.h;
  const std::string code = h.file_lltp(w.citizen);

  // The citizen's list and view; another citizen gets 404; another agency's officer 403.
  const auto mine = body_of(h.get("/api/v1/dossiers/mine", w.citizen));
  REQUIRE(mine["items"].size() == 1);
  CHECK(mine["items"][0]["code"] == code);
  CHECK(actions_of(mine["items"][0]) == std::vector<std::string>{"withdraw"});
  CHECK(h.get("/api/v1/dossiers/" + code, w.stranger).status == 404);
  CHECK(h.get("/api/v1/dossiers/mine", w.stranger).status == 200);
  CHECK(body_of(h.get("/api/v1/dossiers/mine", w.stranger))["items"].empty());
  CHECK(h.act(code, "fee-paid", {}, w.other_officer).status == 403);
  CHECK(h.act(code, "fee-paid", {}, w.stranger).status == 403);
  // The status table: nothing can be received before the fee is paid.
  const auto early = h.act(code, "receive", {}, w.officer);
  CHECK(early.status == 409);
  CHECK(body_of(early)["error"]["code"] == "not_allowed");

  // The queue of the agency lists it; the other agency's does not.
  const auto queue = body_of(h.get("/api/v1/officer/dossiers", w.officer));
  REQUIRE(queue["items"].size() == 1);
  CHECK(body_of(h.get("/api/v1/officer/dossiers", w.other_officer))["items"].empty());
  CHECK(h.get("/api/v1/officer/dossiers", w.citizen).status == 403);

  REQUIRE(h.act(code, "fee-paid", {}, w.officer).status == 200);
  h.accounts.clock.advance(std::chrono::hours(1));  // 13:00 → after lunch, 13:30 counts
  const auto received = h.act(code, "receive", {}, w.officer);
  REQUIRE_MESSAGE(received.status == 200, received.body);
  CHECK(body_of(received)["dossier"]["status"] == "received");
  const std::string due = body_of(received)["dossier"]["due_at"];

  // A supplement: the reason, the list, the days; the clock stops; the citizen is told.
  const auto asked = h.act(code, "request-supplement",
                           {{"items", {"Tờ khai chưa có chữ ký"}},
                            {"papers", {"to_khai"}},
                            {"reason", "Tờ khai thiếu chữ ký của người yêu cầu."},
                            {"days", 5}},
                           w.officer);
  REQUIRE_MESSAGE(asked.status == 200, asked.body);
  const auto waiting = body_of(asked)["dossier"];
  CHECK(waiting["status"] == "supplement_requested");
  CHECK(waiting["due_at"].is_null());
  CHECK(waiting["supplement"]["reason"] == "Tờ khai thiếu chữ ký của người yêu cầu.");
  CHECK(waiting["supplement"]["deadline"] == "2025-03-09T17:00:00Z");  // end of 10/03 in Vietnam
  CHECK(h.accounts.count_rows("notifications", "text LIKE '%" + code + "%'") == 2);
  // Asked once: a second request while the citizen has not answered is refused by the table.
  CHECK(
      h.act(code, "request-supplement", {{"items", {"x"}}, {"reason", "y"}, {"days", 3}}, w.officer)
          .status == 409);

  // The citizen supplements the paper; the officer accepts; the clock restarts in full.
  const std::string signed_form = h.upload_id(make_pdf("To khai da ky"), w.citizen);
  CHECK(h.post("/api/v1/dossiers/" + code + "/supplement", {{"papers", nlohmann::json::object()}},
               w.citizen)
            .status == 422);
  const auto supplemented =
      h.post("/api/v1/dossiers/" + code + "/supplement",
             {{"papers", {{"to_khai", {{{"media", signed_form}, {"kind", "pdf"}}}}}}}, w.citizen);
  REQUIRE_MESSAGE(supplemented.status == 200, supplemented.body);
  CHECK(body_of(supplemented)["dossier"]["status"] == "registered");
  CHECK(body_of(supplemented)["dossier"]["papers"]["to_khai"].size() == 2);
  h.accounts.clock.advance(std::chrono::hours(24));
  const auto accepted = h.act(code, "accept-supplement", {}, w.officer);
  REQUIRE_MESSAGE(accepted.status == 200, accepted.body);
  CHECK(body_of(accepted)["dossier"]["due_at"] > due);

  // Processing; withdrawing is no longer possible; the result lands in "Kho giấy tờ".
  REQUIRE(h.act(code, "process", {}, w.officer).status == 200);
  CHECK(h.post("/api/v1/dossiers/" + code + "/withdraw", {{"reason", "Không cần nữa"}}, w.citizen)
            .status == 409);
  REQUIRE(h.act(code, "finish", {}, w.officer).status == 200);
  const std::string result = h.upload_id(make_pdf("Phieu LLTP so 123"), w.officer);
  CHECK(h.act(code, "return-result", {{"media", result}, {"number", ""}, {"date", "2025-03-10"}},
              w.officer)
            .status == 422);
  // The citizen's own upload is not the officer's result.
  CHECK(h.act(code, "return-result",
              {{"media", signed_form}, {"number", "123/LLTP"}, {"date", "2025-03-10"}}, w.officer)
            .status == 422);
  h.accounts.clock.advance(std::chrono::hours(2));  // two hours from acceptance to the result
  const auto returned =
      h.act(code, "return-result",
            {{"media", result}, {"number", "123/LLTP"}, {"date", "2025-03-10"}}, w.officer);
  REQUIRE_MESSAGE(returned.status == 200, returned.body);
  const auto papers = body_of(h.get("/api/v1/papers/mine", w.citizen))["items"];
  REQUIRE(papers.size() == 1);
  CHECK(papers[0]["media"] == result);
  CHECK(papers[0]["kind"] == "pdf");
  CHECK(papers[0]["dossier_code"] == code);
  CHECK(body_of(h.get("/api/v1/papers/mine", w.stranger))["items"].empty());

  // The survey, once, after the result.
  CHECK(
      h.post("/api/v1/dossiers/" + code + "/survey", {{"answers", {{"1", 3}}}}, w.citizen).status ==
      422);
  nlohmann::json answers;
  for (const int q : {1, 2, 3, 4, 6, 7, 10, 11}) answers[std::to_string(q)] = 2;
  const auto rated = h.post("/api/v1/dossiers/" + code + "/survey",
                            {{"answers", answers}, {"comment", "Nhanh gọn."}}, w.citizen);
  REQUIRE_MESSAGE(rated.status == 200, rated.body);
  CHECK(body_of(rated)["dossier"]["survey"]["score"] == 16);
  CHECK(h.post("/api/v1/dossiers/" + code + "/survey", {{"answers", answers}}, w.citizen).status ==
        409);
  CHECK(h.post("/api/v1/dossiers/" + code + "/survey", {{"answers", answers}}, w.stranger).status ==
        404);

  // The timeline: every official action, who (role and agency) and what.
  const auto timeline =
      body_of(h.get("/api/v1/dossiers/" + code, w.citizen))["dossier"]["timeline"];
  std::vector<std::string> what;
  for (const auto& e : timeline) what.push_back(e["action"]);
  CHECK(what == std::vector<std::string>{"submit", "fee_paid", "receive", "request_supplement",
                                         "supplement", "receive", "start", "finish",
                                         "return_result"});
  CHECK(timeline[1]["who"]["role"] == "officer");
  CHECK(timeline[1]["who"]["agency"]["name"] == "Sở Tư pháp");
  CHECK(timeline[3]["note"] == "Tờ khai thiếu chữ ký của người yêu cầu.");
  CHECK(timeline[4]["who"]["role"] == "citizen");

  // The agency's statistics count it: received, returned on time, rated 16 of 16.
  const std::string late_one = h.file_lltp(w.citizen);
  REQUIRE(h.act(late_one, "fee-paid", {}, w.officer).status == 200);
  REQUIRE(h.act(late_one, "receive", {}, w.officer).status == 200);
  h.accounts.clock.advance(std::chrono::hours(24 * 20));
  const auto stats_response = h.get("/api/v1/officer/dossiers/stats", w.officer);
  REQUIRE_MESSAGE(stats_response.status == 200, stats_response.body);
  const auto stats = body_of(stats_response);
  CHECK(stats["agency"] == kLltpAgency);
  CHECK(stats["filed"] == 2);
  CHECK(stats["received"] == 2);
  CHECK(stats["returned"] == 1);
  CHECK(stats["on_time"] == 1);
  CHECK(stats["late"] == 0);
  CHECK(stats["overdue_open"] == 1);
  CHECK(stats["average_processing_hours"] == 2.0);
  CHECK(stats["satisfaction"]["rated"] == 1);
  CHECK(stats["satisfaction"]["average_score"] == 16.0);
  CHECK(body_of(h.get("/api/v1/officer/dossiers/stats", w.other_officer))["filed"] == 0);
  CHECK(body_of(h.get("/api/v1/officer/dossiers/stats", w.admin))["filed"] == 2);
  CHECK(h.get("/api/v1/officer/dossiers/stats?from=hom-qua", w.officer).status == 422);
  CHECK(h.get("/api/v1/officer/dossiers/stats", w.citizen).status == 403);
}

TEST_CASE("dossiers: a supplement after its deadline is refused; then the official may refuse") {
  World w;
  auto& h = w.h;
  const std::string code = h.file_lltp(w.citizen);
  REQUIRE(h.act(code, "fee-paid", {}, w.officer).status == 200);
  REQUIRE(h.act(code, "request-supplement",
                {{"items", {"Thiếu tờ khai"}}, {"reason", "Thiếu giấy tờ."}, {"days", 2}},
                w.officer)
              .status == 200);
  // Before the deadline the official cannot refuse for a missed supplement.
  CHECK(h.act(code, "refuse", {{"reason", "Quá hạn bổ sung"}}, w.officer).status == 409);
  h.accounts.clock.advance(std::chrono::hours(24 * 4));
  const std::string photo = h.upload_id(make_jpeg(900, 700), w.citizen);
  const auto late =
      h.post("/api/v1/dossiers/" + code + "/supplement",
             {{"papers", {{"to_khai", {{{"media", photo}, {"kind", "image"}}}}}}}, w.citizen);
  CHECK(late.status == 422);
  CHECK(body_of(late)["error"]["code"] == "supplement_expired");
  CHECK(h.act(code, "refuse", {{"reason", ""}}, w.officer).status == 422);
  const auto refused = h.act(code, "refuse", {{"reason", "Quá hạn bổ sung."}}, w.officer);
  REQUIRE_MESSAGE(refused.status == 200, refused.body);
  CHECK(body_of(refused)["dossier"]["status"] == "not_received");
}

TEST_CASE("dossiers: a late result needs the apology letter with a new date first") {
  World w;
  auto& h = w.h;
  const std::string code = h.file_lltp(w.citizen);
  REQUIRE(h.act(code, "fee-paid", {}, w.officer).status == 200);
  REQUIRE(h.act(code, "receive", {}, w.officer).status == 200);
  REQUIRE(h.act(code, "process", {}, w.officer).status == 200);
  REQUIRE(h.act(code, "finish", {}, w.officer).status == 200);
  h.accounts.clock.advance(std::chrono::hours(24 * 30));
  const auto queue = body_of(h.get("/api/v1/officer/dossiers", w.officer));
  CHECK(queue["items"][0]["overdue"] == true);
  const std::string result = h.upload_id(make_pdf("Ket qua"), w.officer);
  const nlohmann::json body = {{"media", result}, {"number", "9/LLTP"}, {"date", "2025-04-03"}};
  const auto late = h.act(code, "return-result", body, w.officer);
  CHECK(late.status == 409);
  CHECK(body_of(late)["error"]["code"] == "apology_required");
  CHECK(
      h.act(code, "apologize", {{"reason", "Chờ xác minh"}, {"new_date", "2025-01-01"}}, w.officer)
          .status == 422);
  const auto sorry =
      h.act(code, "apologize", {{"reason", "Chờ kết quả xác minh."}, {"new_date", "2025-04-10"}},
            w.officer);
  REQUIRE_MESSAGE(sorry.status == 200, sorry.body);
  CHECK(body_of(sorry)["dossier"]["due_at"] == "2025-04-10T10:00:00Z");
  CHECK(h.act(code, "return-result", body, w.officer).status == 200);
}

TEST_CASE("dossiers: withdrawing, transfers, and the admins' view") {
  World w;
  auto& h = w.h;
  const std::string first = h.file_lltp(w.citizen);
  CHECK(h.post("/api/v1/dossiers/" + first + "/withdraw", {{"reason", ""}}, w.citizen).status ==
        422);
  CHECK(h.post("/api/v1/dossiers/" + first + "/withdraw", {{"reason", "Nộp nhầm"}}, w.stranger)
            .status == 404);
  const auto withdrawn =
      h.post("/api/v1/dossiers/" + first + "/withdraw", {{"reason", "Nộp nhầm"}}, w.citizen);
  REQUIRE_MESSAGE(withdrawn.status == 200, withdrawn.body);
  CHECK(body_of(withdrawn)["dossier"]["status"] == "withdrawn");
  CHECK(h.post("/api/v1/dossiers/" + first + "/withdraw", {{"reason", "Lần nữa"}}, w.citizen)
            .status == 409);

  const std::string second = h.file_lltp(w.citizen);
  REQUIRE(h.act(second, "fee-paid", {}, w.officer).status == 200);
  REQUIRE(h.act(second, "receive", {}, w.officer).status == 200);
  CHECK(h.act(second, "transfer", {{"agency", "khong-co"}, {"note", "x"}}, w.officer).status ==
        422);
  const auto moved =
      h.act(second, "transfer", {{"agency", "so-y-te"}, {"note", "Thuộc thẩm quyền Sở Y tế."}},
            w.officer);
  REQUIRE_MESSAGE(moved.status == 200, moved.body);
  CHECK(body_of(moved)["dossier"]["agency"]["name"] == "Sở Y tế");
  // Now the other agency's: the first officer may no longer act, the second may.
  CHECK(h.act(second, "process", {}, w.officer).status == 403);
  CHECK(h.act(second, "process", {}, w.other_officer).status == 200);
  // Admins see every agency's queue.
  CHECK(body_of(h.get("/api/v1/officer/dossiers", w.admin))["items"].size() == 2);
  CHECK(body_of(h.get("/api/v1/officer/dossiers?status=processing", w.admin))["items"].size() == 1);
  CHECK(h.get("/api/v1/officer/dossiers?status=khac", w.admin).status == 422);
}

TEST_CASE("dossiers: the public lookup shows the status and a masked name, rate-limited") {
  World w;
  auto& h = w.h;
  const std::string code = h.file_lltp(w.citizen);
  const auto found = h.call("GET", "/api/v1/dossiers/lookup/" + code, "", "", "", "198.51.100.9");
  REQUIRE(found.status == 200);
  const auto j = body_of(found);
  CHECK(j["status"] == "awaiting_fee");
  CHECK(j["agency"]["name"] == "Sở Tư pháp");
  CHECK(j["procedure"]["code"] == kLltp);
  CHECK(j["applicant"] != "Nông Văn Dũng");
  CHECK(j["applicant"].get<std::string>().starts_with("N"));
  CHECK(!j.contains("values"));
  CHECK(found.body.find("004090001234") == std::string::npos);
  CHECK(
      h.call("GET", "/api/v1/dossiers/lookup/000.00.02.H13-250304-0999", "", "", "", "198.51.100.9")
          .status == 404);
  int limited = 0;
  for (int i = 0; i < 40; ++i)
    if (h.call("GET", "/api/v1/dossiers/lookup/" + code, "", "", "", "198.51.100.9").status == 429)
      ++limited;
  CHECK(limited >= 10);
  // Another address still may.
  CHECK(h.call("GET", "/api/v1/dossiers/lookup/" + code, "", "", "", "198.51.100.10").status ==
        200);
}

TEST_CASE("dossiers: Kho giấy tờ keeps a citizen's papers, reusable as attachments") {
  World w;
  auto& h = w.h;
  const std::string pdf = h.upload_id(make_pdf("CCCD"), w.citizen);
  CHECK(h.post("/api/v1/papers", {{"name", ""}, {"media", pdf}}, w.citizen).status == 422);
  CHECK(h.post("/api/v1/papers", {{"name", "CCCD"}, {"media", pdf}}, w.stranger).status == 422);
  const auto saved =
      h.post("/api/v1/papers", {{"name", "Căn cước công dân"}, {"media", pdf}}, w.citizen);
  REQUIRE_MESSAGE(saved.status == 201, saved.body);
  const long long id = body_of(saved)["paper"]["id"];
  CHECK(body_of(h.get("/api/v1/papers/mine", w.citizen))["items"].size() == 1);
  CHECK(h.call("DELETE", "/api/v1/papers/" + std::to_string(id), "", w.stranger).status == 404);
  CHECK(h.call("DELETE", "/api/v1/papers/" + std::to_string(id), "", w.citizen).status == 204);
  CHECK(body_of(h.get("/api/v1/papers/mine", w.citizen))["items"].empty());
}

TEST_CASE(
    "dossiers: a person's dossiers and papers are in their data; deleting keeps the records") {
  World w;
  auto& h = w.h;
  const std::string code = h.file_lltp(w.citizen);
  const std::string pdf = h.upload_id(make_pdf("CCCD"), w.citizen);
  REQUIRE(h.post("/api/v1/papers", {{"name", "Căn cước"}, {"media", pdf}}, w.citizen).status ==
          201);
  long long user_id = 0;
  soci::session sql(h.accounts.database().pool());
  sql << "SELECT user_id FROM dossiers WHERE code = :code", soci::use(code), soci::into(user_id);
  const auto section = dossiers::dossiers_personal_data();
  const auto mine = section.collect(sql, user_id);
  REQUIRE(mine["dossiers"].size() == 1);
  CHECK(mine["dossiers"][0]["code"] == code);
  CHECK(mine["dossiers"][0]["values"]["so_dinh_danh"] == "004090001234");
  CHECK(mine["papers"][0]["name"] == "Căn cước");
  section.erase(sql, user_id);
  CHECK(h.accounts.count_rows("citizen_papers") == 0);
  CHECK(h.accounts.count_rows("dossiers") == 1);
}
