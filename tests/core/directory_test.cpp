#include "core/directory.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/communes.h"

using namespace cdscb;

using core::DirectoryRecord;
using core::normalize_directory_phone;

namespace {

DirectoryRecord ward() {
  return {.code = "ubnd-phuong-thuc-phan",
          .kind = "ward",
          .name = "UBND phường Thục Phán",
          .address = "Phường Thục Phán, tỉnh Cao Bằng",
          .phones = {},
          .email = "",
          .website = "",
          .hours = "",
          .location = std::nullopt,
          .note = ""};
}

bool has_field(const core::FieldMessages& messages, const std::string& field) {
  for (const auto& [f, m] : messages)
    if (f == field) return true;
  return false;
}

const std::string kHeader = "code,kind,name,address,phones,email,website,hours,lat,lng,note\r\n";

}  // namespace

TEST_CASE("phone numbers: mobiles, Cao Bằng landlines and the emergency numbers") {
  CHECK(normalize_directory_phone("0912 345 678", false) == "0912345678");
  CHECK(normalize_directory_phone("+84 912.345.678", false) == "0912345678");
  CHECK(normalize_directory_phone("0206 3852 123", false) == "02063852123");
  CHECK(normalize_directory_phone("(0206) 385-2123", false) == "02063852123");
  CHECK(normalize_directory_phone("+84 206 3852 123", false) == "02063852123");
  CHECK(normalize_directory_phone("113", true) == "113");
  CHECK_FALSE(normalize_directory_phone("113", false));
  CHECK_FALSE(normalize_directory_phone("116", true));
  CHECK_FALSE(normalize_directory_phone("0206385212", false));  // one digit short
  CHECK_FALSE(normalize_directory_phone("0112345678", false));  // no such mobile prefix
  CHECK_FALSE(normalize_directory_phone("0912 345 678 ext", false));
  CHECK(core::format_phone("02063852123") == "0206 3852 123");
  CHECK(core::format_phone("0912345678") == "0912 345 678");
}

TEST_CASE("record validation names the field that is wrong") {
  CHECK(core::validate_record(ward()).empty());
  auto r = ward();
  r.code = "UBND Thục Phán";
  r.kind = "district";
  r.name = " ";
  r.email = "ubnd@thucphan";
  r.website = "ftp://caobang.gov.vn";
  r.phones = {"12345"};
  r.location = core::GeoPoint{95, 106};
  const auto messages = core::validate_record(r);
  for (const char* field : {"code", "kind", "name", "email", "website", "phones", "location"})
    CHECK_MESSAGE(has_field(messages, field), field);
  r = ward();
  r.email = "ubnd.thucphan@caobang.gov.vn";
  r.website = "https://caobang.gov.vn/thuc-phan";
  r.location = core::GeoPoint{22.666, 106.258};
  CHECK(core::validate_record(r).empty());
  r.kind = "emergency";
  CHECK(has_field(core::validate_record(r), "phones"));  // an emergency record needs its number
}

TEST_CASE("a directory CSV becomes records, and records write back to the same CSV") {
  const std::string text =
      kHeader +
      "so-y-te,department,Sở Y tế,\"Số 1, đường X\",0206 3852 123; 0912345678,"
      "soyte@caobang.gov.vn,https://soyte.caobang.gov.vn,\"7:30–17:00\",22.666,"
      "106.258,\r\n"
      "khan-cap-113,emergency,Công an,,113,,,,,,\r\n";
  const auto parsed = core::parse_directory_csv(text);
  REQUIRE(parsed.errors.empty());
  REQUIRE(parsed.records.size() == 2);
  CHECK(parsed.records[0].address == "Số 1, đường X");
  CHECK(parsed.records[0].phones == std::vector<std::string>{"02063852123", "0912345678"});
  REQUIRE(parsed.records[0].location);
  CHECK(parsed.records[0].location->lat == doctest::Approx(22.666));
  CHECK(parsed.records[1].phones == std::vector<std::string>{"113"});
  CHECK_FALSE(parsed.records[1].location);

  const std::string written = core::directory_csv(parsed.records);
  CHECK(written.starts_with(core::kUtf8Bom));
  const auto again = core::parse_directory_csv(written);
  REQUIRE(again.errors.empty());
  CHECK(again.records == parsed.records);
}

TEST_CASE("every bad row of a directory CSV is reported with its line") {
  const std::string text = kHeader +
                           "ok-1,commune,UBND xã Hòa An,,,,,,,,\r\n"
                           "bad-phone,commune,UBND xã A,,0206 12,,,,,,\r\n"
                           "\"multi\nline\",ward,Tên,,,,,,,,\r\n"
                           "ok-1,commune,Trùng mã,,,,,,,,\r\n"
                           "too,many,cells,1,2,3,4,5,6,7,8,9\r\n"
                           "half-location,commune,UBND xã B,,,,,,22.5,,\r\n";
  const auto parsed = core::parse_directory_csv(text);
  std::vector<std::size_t> lines;
  for (const auto& e : parsed.errors) lines.push_back(e.line);
  CHECK(lines == std::vector<std::size_t>{3, 4, 6, 7, 8});
  CHECK(parsed.errors[0].message.find("0206 12") != std::string::npos);
  CHECK(parsed.errors[1].message.find("code") != std::string::npos);
  CHECK(parsed.errors[2].message.find("ok-1") != std::string::npos);
}

TEST_CASE("a CSV missing a column is refused at its header") {
  const auto parsed = core::parse_directory_csv("code,kind,name\r\nx1,ward,Y\r\n");
  REQUIRE_FALSE(parsed.errors.empty());
  CHECK(parsed.errors[0].line == 1);
  CHECK(parsed.errors[0].message.find("address") != std::string::npos);
}

TEST_CASE("search ignores diacritics and case and needs every word") {
  const auto r = ward();
  CHECK(core::matches_search(r, "thuc phan"));
  CHECK(core::matches_search(r, "THỤC"));
  CHECK(core::matches_search(r, "  thuc   PHAN "));
  CHECK(core::matches_search(r, ""));
  CHECK_FALSE(core::matches_search(r, "thuc giang"));
  // The words in their order, each from its start: "hoa an" is Hòa An, not Phục Hòa in Cao Bằng.
  auto other = r;
  other.name = "UBND xã Phục Hòa";
  other.address = "Xã Phục Hòa, tỉnh Cao Bằng";
  CHECK_FALSE(core::matches_search(other, "hoa an"));
  CHECK_FALSE(core::matches_search(r, "han"));
}

TEST_CASE("coordinates as people type them") {
  CHECK(core::parse_coordinate("22.666") == doctest::Approx(22.666));
  CHECK(core::parse_coordinate(" 106,258 ") == doctest::Approx(106.258));
  CHECK(core::parse_coordinate("-0.5") == doctest::Approx(-0.5));
  CHECK_FALSE(core::parse_coordinate(""));
  CHECK_FALSE(core::parse_coordinate("22.6N"));
  CHECK_FALSE(core::parse_coordinate("1,234.5"));
  CHECK_FALSE(core::parse_coordinate("nan"));
}

TEST_CASE("distances between points in metres") {
  const core::GeoPoint centre{22.666, 106.258};
  CHECK(core::distance_m(centre, centre) == doctest::Approx(0));
  // One hundredth of a degree of latitude is about 1.11 km.
  CHECK(core::distance_m(centre, {22.676, 106.258}) == doctest::Approx(1112).epsilon(0.01));
}

TEST_CASE("the seed file holds every commune and ward and invents no phone number") {
  // data/directory.csv is what a first start loads; it must parse and cover the 56 units.
  std::ifstream file(CDSCB_SOURCE_DIR "/data/directory.csv", std::ios::binary);
  REQUIRE(file);
  std::stringstream text;
  text << file.rdbuf();
  const auto parsed = core::parse_directory_csv(text.str());
  REQUIRE(parsed.errors.empty());
  int communes = 0, emergency = 0;
  for (const auto& r : parsed.records) {
    if (r.kind == "commune" || r.kind == "ward") ++communes;
    if (r.kind == "emergency") ++emergency;
    if (r.kind != "emergency") CHECK_MESSAGE(r.phones.empty(), r.code);
  }
  CHECK(communes == 56);
  CHECK(emergency == 5);
  for (const auto& commune : core::communes()) {
    const std::string code = "ubnd-" + std::string(commune.code);
    bool found = false;
    for (const auto& r : parsed.records) found |= r.code == code;
    CHECK_MESSAGE(found, code);
  }
}
