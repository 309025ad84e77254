#include "modules/accounts/officials.h"

#include "core/accounts.h"
#include "core/agencies.h"
#include "core/text.h"

namespace cdscb::server::accounts {

std::map<std::string, std::string> validate_official(OfficialInput& input) {
  std::map<std::string, std::string> errors;
  const auto role = core::parse_role(input.role);
  if (!role || !core::is_official(*role)) errors["role"] = kRoleInvalid;
  if (const auto error = core::validate_phone(input.phone)) {
    errors["phone"] = *error;
  } else {
    input.phone = *core::normalize_phone(input.phone);
  }
  if (const auto error = core::validate_full_name(input.full_name)) {
    errors["full_name"] = *error;
  } else {
    input.full_name = core::normalize_full_name(input.full_name);
  }
  input.agency = core::normalize_full_name(input.agency);
  if (!core::is_valid_utf8(input.agency)) {
    errors["agency"] = core::kInvalidText;
  } else if (core::count_code_points(input.agency) > kAgencyMaxLength) {
    errors["agency"] = kAgencyTooLong;
  } else if (role == core::Role::kOfficer && input.agency.empty()) {
    errors["agency"] = kAgencyRequired;
  } else if (!input.agency.empty() && !core::is_agency_code(input.agency)) {
    errors["agency"] = core::kAgencyUnknown;  // whether it exists: see create_user
  }
  const std::string phone = errors.count("phone") ? std::string() : input.phone;
  if (input.password.empty()) {
    errors["password"] = core::kPasswordRequired;
  } else if (const auto error = core::validate_password(input.password, phone)) {
    errors["password"] = *error;
  }
  return errors;
}

std::optional<User> create_official(soci::session& sql, const PasswordHasher& hasher,
                                    const OfficialInput& input, long long now) {
  User user;
  user.phone = input.phone;
  user.full_name = input.full_name;
  user.password_hash = hasher.hash(input.password);
  user.role = core::role_or_citizen(input.role);
  if (!input.agency.empty()) user.agency = input.agency;
  user.created_at = now;
  user.phone_verified_at = now;
  const auto id = insert_user(sql, user);
  if (!id) return std::nullopt;
  user.id = *id;
  return user;
}

}  // namespace cdscb::server::accounts
