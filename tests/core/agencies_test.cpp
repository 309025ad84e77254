#include "core/agencies.h"

#include <doctest/doctest.h>

#include <set>

#include "core/communes.h"
#include "core/text.h"

using namespace cdscb;

TEST_CASE("agencies: the 14 provincial bodies, then one People's Committee per commune") {
  const auto& all = core::agencies();
  REQUIRE(all.size() == 14 + core::communes().size());
  CHECK(all.front().code == "so-noi-vu");
  CHECK(all.front().name == "Sở Nội vụ");
  CHECK(all[13].code == "cong-an-tinh");
  CHECK(all[14].code == "ubnd-phuong-thuc-phan");
  CHECK(all[14].name == "UBND phường Thục Phán");
  std::set<std::string> codes;
  for (const auto& agency : all) {
    CHECK_MESSAGE(codes.insert(agency.code).second, agency.code);
    CHECK(core::is_valid_utf8(agency.name));
  }
}

TEST_CASE("agencies: found by code, nothing for an unknown one") {
  const auto* commune = core::find_agency("ubnd-xa-hoa-an");
  REQUIRE(commune != nullptr);
  CHECK(commune->name == "UBND xã Hòa An");
  REQUIRE(core::find_agency("so-y-te") != nullptr);
  CHECK(core::find_agency("so-y-te")->name == "Sở Y tế");
  CHECK(core::find_agency("ubnd-") == nullptr);
  CHECK(core::find_agency("UBND phường Thục Phán") == nullptr);
}
