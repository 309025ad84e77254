#include "core/profile.h"

#include <doctest/doctest.h>

#include <string>

#include "core/accounts.h"

using namespace cdscb;

using core::Date;

namespace {
constexpr Date kToday{2025, 3, 4};
}

TEST_CASE("dates must exist") {
  CHECK(core::parse_date("1990-05-21") == Date{1990, 5, 21});
  CHECK(core::parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK_FALSE(core::parse_date("2023-02-29"));
  CHECK_FALSE(core::parse_date("1900-02-29"));
  CHECK(core::parse_date("2000-02-29"));
  CHECK_FALSE(core::parse_date("1990-13-01"));
  CHECK_FALSE(core::parse_date("1990-04-31"));
  CHECK_FALSE(core::parse_date("1990-00-10"));
  CHECK_FALSE(core::parse_date("1990-5-21"));
  CHECK_FALSE(core::parse_date("21/05/1990"));
  CHECK_FALSE(core::parse_date("19900521"));
  CHECK_FALSE(core::parse_date("1990-05-21T00:00"));
  CHECK_FALSE(core::parse_date(""));
}

TEST_CASE("birth dates are real, not in the future and at most 120 years back") {
  CHECK_FALSE(core::validate_birth_date("1990-05-21", kToday));
  CHECK_FALSE(core::validate_birth_date("2025-03-04", kToday));
  CHECK(core::validate_birth_date("2025-03-05", kToday) == std::string(core::kBirthDateInFuture));
  CHECK_FALSE(core::validate_birth_date("1905-03-04", kToday));
  CHECK(core::validate_birth_date("1905-03-03", kToday) == std::string(core::kBirthDateTooOld));
  CHECK(core::validate_birth_date("1990-02-30", kToday) == std::string(core::kBirthDateFormat));
  CHECK(core::validate_birth_date("abc", kToday) == std::string(core::kBirthDateFormat));
}

TEST_CASE("gender is one of three codes") {
  CHECK_FALSE(core::validate_gender("nam"));
  CHECK_FALSE(core::validate_gender("nu"));
  CHECK_FALSE(core::validate_gender("khac"));
  CHECK(core::validate_gender("Nam") == std::string(core::kGenderInvalid));
  CHECK(core::validate_gender("nữ"));
  CHECK(core::validate_gender("male"));
}

TEST_CASE("the commune is one of the province's units") {
  CHECK_FALSE(core::validate_commune("phuong-tan-giang"));
  CHECK(core::validate_commune("Phường Tân Giang") == std::string(core::kCommuneInvalid));
  CHECK(core::validate_commune("xa-khong-co"));
}

TEST_CASE("streets are trimmed and at most 200 characters") {
  CHECK(core::normalize_street("  Số 5,   đường   Hoàng Đình Giong  ") ==
        "Số 5, đường Hoàng Đình Giong");
  CHECK_FALSE(core::validate_street(std::string(200, 'a')));
  std::string vietnamese;
  for (int i = 0; i < 200; ++i) vietnamese += "ạ";
  CHECK_FALSE(core::validate_street(vietnamese));
  CHECK(core::validate_street(vietnamese + "a") == std::string(core::kStreetTooLong));
  CHECK(core::validate_street(std::string("a\x01" "b")) == std::string(core::kInvalidText));
  CHECK(core::validate_street("\xC3\x28") == std::string(core::kInvalidText));
}

TEST_CASE("emails get a simple check") {
  CHECK_FALSE(core::validate_email("an.nguyen@example.com"));
  CHECK_FALSE(core::validate_email(" an+tag@Mail.Example.VN "));
  CHECK(core::normalize_email(" An@Example.COM ") == "An@example.com");
  for (const char* bad : {"an", "an@", "@example.com", "an@example", "an@@example.com",
                          "an@ex ample.com", "a n@example.com", ".an@example.com",
                          "an.@example.com", "a..n@example.com", "an@-example.com",
                          "an@example..com", "an@example.com.", "ân@example.com"}) {
    CHECK_MESSAGE(core::validate_email(bad) == std::string(core::kEmailInvalid), bad);
  }
  const std::string long_local = std::string(65, 'a') + "@example.com";
  CHECK(core::validate_email(long_local) == std::string(core::kEmailInvalid));
  std::string long_email = std::string(60, 'a') + "@";
  for (int i = 0; i < 4; ++i) long_email += std::string(60, 'b') + ".";
  long_email += "vn";
  CHECK(long_email.size() > 254);
  CHECK(core::validate_email(long_email) == std::string(core::kEmailTooLong));
}
