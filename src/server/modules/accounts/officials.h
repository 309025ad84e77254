// Creating officials (role officer, with their agency, or admin): one service for the admin API
// (POST /api/v1/admin/users) and the command line (`cdscb-server user add`).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "modules/accounts/passwords.h"
#include "modules/accounts/users.h"

namespace soci {
class session;
}

namespace cdscb::server::accounts {

inline constexpr std::string_view kRoleInvalid =
    "Vai trò không hợp lệ (chỉ \"officer\" hoặc \"admin\").";
inline constexpr std::string_view kAgencyRequired = "Vui lòng nhập cơ quan của cán bộ.";
inline constexpr std::string_view kAgencyTooLong = "Tên cơ quan không được dài quá 200 ký tự.";
inline constexpr std::size_t kAgencyMaxLength = 200;  // code points

struct OfficialInput {
  std::string role;  // "officer" or "admin"
  std::string phone;
  std::string full_name;
  std::string agency;  // an agency code (core/agencies.h); required for an officer, optional for an admin
  std::string password;
};

// Field ("role", "phone", "full_name", "agency", "password") → Vietnamese message; empty when the
// input is acceptable. Normalises phone, name and agency in place.
std::map<std::string, std::string> validate_official(OfficialInput& input);

// Inserts a validated official with a confirmed phone; nullopt when the number has an account.
std::optional<User> create_official(soci::session& sql, const PasswordHasher& hasher,
                                    const OfficialInput& input, long long now);

}  // namespace cdscb::server::accounts
