#include "core/roles.h"

namespace cdscb::core {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kOfficer:
      return "officer";
    case Role::kAdmin:
      return "admin";
    case Role::kCitizen:
      break;
  }
  return "citizen";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const Role role : {Role::kCitizen, Role::kOfficer, Role::kAdmin}) {
    if (role_name(role) == name) return role;
  }
  return std::nullopt;
}

Role role_or_citizen(std::string_view name) { return parse_role(name).value_or(Role::kCitizen); }

}  // namespace cdscb::core
