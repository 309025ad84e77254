// The procedure catalogue: diacritic-free search, filters, keyset pages, one procedure with its
// form and papers, and admins' draft → published versions.
#include <doctest/doctest.h>

#include <set>

#include "modules/dossiers/dossiers_harness.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;

TEST_CASE("dossiers: the catalogue finds procedures without diacritics and pages by code") {
  DossiersHarness h;
  auto found = body_of(h.get("/api/v1/procedures?q=ly%20lich%20tu%20phap"));
  REQUIRE(found["items"].size() == 1);
  CHECK(found["items"][0]["code"] == kLltp);
  CHECK(found["items"][0]["name"] == "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam");
  CHECK(found["items"][0]["fee_vnd"] == 200000);
  CHECK(found["items"][0]["sample"] == true);
  // Typed with diacritics too, and every word must match.
  CHECK(body_of(h.get("/api/v1/procedures?q=L%C3%BD%20l%E1%BB%8Bch"))["items"].size() == 1);
  CHECK(body_of(h.get("/api/v1/procedures?q=ly%20lich%20ket%20hon"))["items"].empty());

  const auto province = body_of(h.get("/api/v1/procedures?level=tinh"));
  for (const auto& item : province["items"]) CHECK(item["level"] == "tinh");
  CHECK(!province["items"].empty());
  const auto civil = body_of(h.get("/api/v1/procedures?field=ho-tich"));
  CHECK(!civil["items"].empty());
  for (const auto& item : civil["items"]) CHECK(item["field"]["code"] == "ho-tich");

  // Pages of 3 cover the ten samples once each.
  std::set<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    const auto page =
        body_of(h.get("/api/v1/procedures?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor)));
    for (const auto& item : page["items"]) CHECK(seen.insert(item["code"]).second);
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    ++pages;
  } while (!cursor.empty() && pages < 10);
  CHECK(seen.size() == 10);
  CHECK(pages == 4);

  CHECK(h.get("/api/v1/procedures?level=huyen").status == 422);
  CHECK(h.get("/api/v1/procedures?cursor=zzz").status == 422);
}

TEST_CASE("dossiers: one procedure with its form, papers and agency; unknown is 404") {
  DossiersHarness h;
  const auto response = h.get(std::string("/api/v1/procedures/") + kLltp);
  REQUIRE(response.status == 200);
  const auto p = body_of(response)["procedure"];
  CHECK(p["agency"] == kLltpAgency);
  CHECK(p["agency_name"] == "Sở Tư pháp");
  CHECK(p["papers"][0]["code"] == "to_khai");
  CHECK(p["form"]["fields"][0]["key"] == "ho_ten");
  CHECK(p["processing_days"] == 10);
  const auto missing = h.get("/api/v1/procedures/KHONG-CO");
  CHECK(missing.status == 404);
  CHECK(body_of(missing)["error"]["message"] == "Không tìm thấy thủ tục hành chính.");
}

TEST_CASE("dossiers: admins edit a draft and publish it; citizens see only the published") {
  DossiersHarness h;
  const std::string admin = h.official("0911000001", core::Role::kAdmin, "");
  const std::string citizen = h.citizen("0911000002");
  auto p = body_of(h.get(std::string("/api/v1/procedures/") + kLltp))["procedure"];
  p["name"] = "Cấp Phiếu lý lịch tư pháp (bản sửa)";
  CHECK(h.post("/api/v1/admin/procedures", p, citizen).status == 403);
  const auto saved = h.post("/api/v1/admin/procedures", p, admin);
  REQUIRE_MESSAGE(saved.status == 201, saved.body);
  CHECK(body_of(saved)["version"] == 2);
  // The draft is not what citizens see.
  CHECK(body_of(h.get(std::string("/api/v1/procedures/") + kLltp))["procedure"]["version"] == 1);
  CHECK(body_of(h.get(std::string("/api/v1/admin/procedures/") + kLltp, admin))["status"] ==
        "draft");
  // A broken definition is refused with the reason.
  auto broken = p;
  broken["level"] = "huyen";
  const auto refused = h.post("/api/v1/admin/procedures", broken, admin);
  CHECK(refused.status == 422);
  CHECK(body_of(refused)["error"]["fields"].contains("procedure"));

  const auto published =
      h.post(std::string("/api/v1/admin/procedures/") + kLltp + "/versions/2/publish", {}, admin);
  REQUIRE_MESSAGE(published.status == 200, published.body);
  const auto now = body_of(h.get(std::string("/api/v1/procedures/") + kLltp))["procedure"];
  CHECK(now["version"] == 2);
  CHECK(now["name"] == "Cấp Phiếu lý lịch tư pháp (bản sửa)");
  CHECK(h.post(std::string("/api/v1/admin/procedures/") + kLltp + "/versions/2/publish", {}, admin)
            .status == 409);
}

TEST_CASE("dossiers: admins list every procedure with its draft, by code in pages") {
  DossiersHarness h;
  const std::string admin = h.official("0911000003", core::Role::kAdmin, "");
  CHECK(h.get("/api/v1/admin/procedures", h.citizen("0911000004")).status == 403);
  auto p = body_of(h.get(std::string("/api/v1/procedures/") + kLltp))["procedure"];
  p["fee_vnd"] = 250000;
  REQUIRE(h.post("/api/v1/admin/procedures", p, admin).status == 201);
  std::set<std::string> seen;
  std::string cursor;
  nlohmann::json lltp;
  int pages = 0;
  do {
    const auto page = body_of(h.get(
        "/api/v1/admin/procedures?limit=4" + (cursor.empty() ? "" : "&cursor=" + cursor), admin));
    CHECK(page["items"].size() <= 4);
    for (const auto& item : page["items"]) {
      CHECK(seen.insert(item["code"]).second);
      if (item["code"] == kLltp) lltp = item;
    }
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    ++pages;
  } while (!cursor.empty() && pages < 10);
  CHECK(seen.size() == 10);
  CHECK(pages == 3);
  // The draft is flagged; the fee shown is still the published one's until it is published.
  CHECK(lltp["status"] == "draft");
  CHECK(lltp["version"] == 2);
  CHECK(lltp["published_version"] == 1);
  CHECK(lltp["fee_vnd"] == 200000);
  CHECK(h.get("/api/v1/admin/procedures?cursor=zzz", admin).status == 422);
}
