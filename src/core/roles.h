#pragma once
// Who an account is: a citizen, an officer of one agency, or an admin of the whole province.
// Shared by the server (sessions, policies) and the app (which screens to offer). The names are
// what the database's users.role column and the API's "role" member hold; they never change.
#include <optional>
#include <string_view>

namespace cdscb::core {

enum class Role { kCitizen, kOfficer, kAdmin };

// "citizen", "officer" or "admin".
std::string_view role_name(Role role);
// The role named `name`; nullopt for anything else.
std::optional<Role> parse_role(std::string_view name);
// parse_role(), or kCitizen for an unknown name (a row or answer from a newer version gets the
// least rights, never more).
Role role_or_citizen(std::string_view name);

// Officers and admins: the accounts that answer feedback and write news.
inline bool is_official(Role role) { return role != Role::kCitizen; }

}  // namespace cdscb::core
