#include "core/communes.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/text.h"

using namespace cdscb;

TEST_CASE("Cao Bằng has 56 commune-level units: 3 wards and 53 communes") {
  const auto all = core::communes();
  CHECK(all.size() == 56);
  int wards = 0;
  int communes = 0;
  for (const auto& unit : all) {
    if (unit.kind == "phường") ++wards;
    if (unit.kind == "xã") ++communes;
  }
  CHECK(wards == 3);
  CHECK(communes == 53);
}

TEST_CASE("each unit's code is the unaccented slug of its name and unique") {
  std::set<std::string_view> codes;
  for (const auto& unit : core::communes()) {
    CHECK(codes.insert(unit.code).second);
    std::string slug = core::fold_for_search(unit.name);
    for (char& c : slug) {
      if (c == ' ') c = '-';
    }
    CHECK_MESSAGE(unit.code == slug, unit.name);
    const std::string prefix = unit.kind == "phường" ? "Phường " : "Xã ";
    CHECK_MESSAGE(std::string(unit.name).starts_with(prefix), unit.name);
    CHECK(core::is_valid_utf8(unit.name));
  }
}

TEST_CASE("units are found by code") {
  const auto* ward = core::find_commune("phuong-thuc-phan");
  REQUIRE(ward != nullptr);
  CHECK(ward->name == "Phường Thục Phán");
  CHECK(ward->kind == "phường");
  const auto* commune = core::find_commune("xa-duc-long");
  REQUIRE(commune != nullptr);
  CHECK(commune->name == "Xã Đức Long");
  CHECK(core::find_commune("xa-dam-thuy") != nullptr);
  CHECK(core::find_commune("Xa-Duc-Long") == nullptr);
  CHECK(core::find_commune("") == nullptr);
  CHECK(core::find_commune("huyen-hoa-an") == nullptr);
}
