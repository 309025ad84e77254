// The agencies: data/agencies.csv is their one source, loaded at start and served to anyone; an
// official can only belong to an agency the file names.
#include "core/agencies.h"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "core/communes.h"
#include "core/text.h"
#include "modules/agencies/routes.h"
#include "modules/feedback/feedback_harness.h"

using namespace cdscb;
using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

const std::filesystem::path kData = std::filesystem::path(CDSCB_SOURCE_DIR) / "data";

void write_agencies(const TempDir& dir, const std::string& rows) {
  std::ofstream out(dir.path() / "agencies.csv", std::ios::binary);
  std::ifstream in(kData / "agencies.csv", std::ios::binary);
  out << in.rdbuf() << rows;
}

}  // namespace

TEST_CASE("anyone reads the agencies of data/agencies.csv: departments, then every commune") {
  FeedbackHarness h;
  const auto response = h.get("/api/v1/agencies");
  REQUIRE_MESSAGE(response.status == 200, response.body);
  CHECK(response.headers.get("Cache-Control") == "public, max-age=3600");
  const json list = body_of(response)["agencies"];
  REQUIRE(list.size() == 14 + core::communes().size());
  std::set<std::string> codes;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string code = list[i]["code"];
    CHECK_MESSAGE(codes.insert(code).second, code);
    // The 14 provincial bodies come before the communes' committees.
    CHECK(core::is_commune_agency_code(code) == (i >= 14));
  }
  for (const core::Commune& commune : core::communes())
    CHECK_MESSAGE(codes.count(core::commune_agency_code(commune.code)) == 1, commune.code);
  const auto name_of = [&](const std::string& code) {
    for (const auto& agency : list)
      if (agency["code"] == code) return agency["name"].get<std::string>();
    return std::string();
  };
  CHECK(name_of("so-y-te") == "Sở Y tế");
  CHECK(name_of("ubnd-xa-hoa-an") == "UBND xã Hòa An");
  CHECK(name_of("ubnd-phuong-thuc-phan") == "UBND phường Thục Phán");
  // Alphabetical with diacritics folded: "Đ" sorts among the D's, not after "X" as bytes would.
  std::vector<std::string> communes;
  for (std::size_t i = 14; i < list.size(); ++i) communes.push_back(list[i]["name"]);
  CHECK(std::is_sorted(communes.begin(), communes.end(), [](const auto& a, const auto& b) {
    return core::fold_for_search(a) < core::fold_for_search(b);
  }));
}

TEST_CASE("a malformed agencies.csv stops the start with its line") {
  FeedbackHarness h;
  TempDir dir;
  write_agencies(dir, "So Y Te,Sở Y tế\n");
  CHECK_THROWS_WITH(server::seed_agencies(h.database(), dir.path()),
                    doctest::Contains("agencies.csv line 72"));
  write_agencies(dir, "so-y-te,Sở Y tế (lần hai)\n");
  CHECK_THROWS_WITH(server::seed_agencies(h.database(), dir.path()),
                    doctest::Contains("duplicate so-y-te"));
  {  // Every commune needs its committee: feedback about a place is sent there.
    std::ofstream out(dir.path() / "agencies.csv", std::ios::binary);
    out << "code,name\nso-y-te,Sở Y tế\n";
  }
  CHECK_THROWS_WITH(server::seed_agencies(h.database(), dir.path()),
                    doctest::Contains("no row for ubnd-"));
}

TEST_CASE("a new row of the file is an agency after the next start; an official joins only those") {
  FeedbackHarness h;
  const std::string admin = h.official("admin", "0912300001", "");
  const json officer = {{"role", "officer"},
                        {"phone", "0912300002"},
                        {"full_name", "Lục Văn Bình"},
                        {"agency", "ban-quan-ly-khu-kinh-te"},
                        {"password", "Mat khau can bo 2025"}};
  const auto refused = h.post("/api/v1/admin/users", officer, {.cookie = admin});
  REQUIRE(refused.status == 422);
  CHECK(body_of(refused)["error"]["fields"]["agency"] ==
        "Không có cơ quan này trong danh sách cơ quan của tỉnh.");

  TempDir dir;
  write_agencies(dir, "ban-quan-ly-khu-kinh-te,Ban Quản lý Khu kinh tế tỉnh\n");
  server::seed_agencies(h.database(), dir.path());
  const json list = body_of(h.get("/api/v1/agencies"))["agencies"];
  CHECK(list[0]["name"] == "Ban Quản lý Khu kinh tế tỉnh");
  const auto created = h.post("/api/v1/admin/users", officer, {.cookie = admin});
  CHECK_MESSAGE(created.status == 201, created.body);
}
