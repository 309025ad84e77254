// The rules core keeps about agencies; the agencies themselves are data (data/agencies.csv,
// tested where the server loads it: tests/server/modules/agencies).
#include "core/agencies.h"

#include <doctest/doctest.h>

using namespace cdscb;

TEST_CASE("agency codes: lower-case ASCII slugs") {
  CHECK(core::is_agency_code("so-y-te"));
  CHECK(core::is_agency_code("ubnd-phuong-thuc-phan"));
  CHECK(core::is_agency_code("so2"));
  CHECK_FALSE(core::is_agency_code(""));
  CHECK_FALSE(core::is_agency_code("s"));
  CHECK_FALSE(core::is_agency_code("UBND phường Thục Phán"));
  CHECK_FALSE(core::is_agency_code("So-y-te"));
  CHECK_FALSE(core::is_agency_code("so--y-te"));
  CHECK_FALSE(core::is_agency_code("-so-y-te"));
  CHECK_FALSE(core::is_agency_code("so-y-te-"));
  CHECK_FALSE(core::is_agency_code("sở-y-tế"));
  CHECK_FALSE(core::is_agency_code(std::string(65, 'a')));
  CHECK(core::is_agency_code(std::string(64, 'a')));
}

TEST_CASE("agency codes: a commune's People's Committee") {
  CHECK(core::commune_agency_code("xa-hoa-an") == "ubnd-xa-hoa-an");
  CHECK(core::is_commune_agency_code("ubnd-xa-hoa-an"));
  CHECK_FALSE(core::is_commune_agency_code("ubnd-"));
  CHECK_FALSE(core::is_commune_agency_code("so-y-te"));
}
