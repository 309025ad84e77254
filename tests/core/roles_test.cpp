#include "core/roles.h"

#include <doctest/doctest.h>

#include <string>

using namespace cdscb;

TEST_CASE("roles read and write the names the database and the API hold") {
  for (const core::Role role : {core::Role::kCitizen, core::Role::kOfficer, core::Role::kAdmin}) {
    CHECK(core::parse_role(core::role_name(role)) == role);
  }
  CHECK(core::role_name(core::Role::kOfficer) == "officer");
  CHECK(core::role_name(core::Role::kAdmin) == "admin");
  CHECK(core::role_name(core::Role::kCitizen) == "citizen");
  CHECK_FALSE(core::parse_role("Admin").has_value());
  CHECK_FALSE(core::parse_role("").has_value());
  CHECK(core::role_or_citizen("superuser") == core::Role::kCitizen);
  CHECK(core::is_official(core::Role::kOfficer));
  CHECK(core::is_official(core::Role::kAdmin));
  CHECK_FALSE(core::is_official(core::Role::kCitizen));
}
