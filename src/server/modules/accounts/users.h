// The users table: reading, creating and updating accounts, and their JSON shape in the API.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/roles.h"

namespace soci {
class session;
}

namespace cdscb::server::accounts {

// users.phone of an account made through VNeID without a phone number: this prefix and a random
// token, never a valid normalised number (phone login, reset and registration never find it).
inline constexpr std::string_view kNoPhonePrefix = "vneid:";

struct User {
  long long id = 0;
  std::string phone;  // normalised, e.g. "0912345678"
  std::string full_name;
  std::string password_hash;
  core::Role role = core::Role::kCitizen;
  std::optional<std::string> agency;
  std::optional<long long> phone_verified_at;  // Unix seconds; unset until the code is entered
  long long created_at = 0;
  std::optional<std::string> birth_date;  // "YYYY-MM-DD"
  std::optional<std::string> gender;
  std::optional<std::string> commune;
  std::optional<std::string> street;
  std::optional<std::string> email;
  // SoDinhDanh of the linked VNeID identity (vneid_links); read-only, never written through User.
  std::optional<std::string> so_dinh_danh;

  bool verified() const { return phone_verified_at.has_value(); }
  // False for a placeholder phone (an account made through VNeID without a number).
  bool has_phone() const { return !phone.empty() && phone[0] >= '0' && phone[0] <= '9'; }
  bool vneid_verified() const { return so_dinh_danh.has_value(); }
};

std::optional<User> find_user_by_phone(soci::session& sql, const std::string& phone);
std::optional<User> find_user_by_id(soci::session& sql, long long id);

// Inserts `user` (its id is ignored) and returns the new id; nullopt when the phone number
// already has an account (also when another request inserted it a moment ago).
std::optional<long long> insert_user(soci::session& sql, const User& user);

// Replaces the name and password of an account whose phone is not yet confirmed.
void update_pending_user(soci::session& sql, long long id, const std::string& full_name,
                         const std::string& password_hash);
void mark_phone_verified(soci::session& sql, long long id, long long now);
void set_password_hash(soci::session& sql, long long id, const std::string& password_hash);

// Creates an official (officer or admin) with a confirmed phone, or, when the phone has an
// account, gives that account this name, role, agency and password. Returns the id.
long long upsert_official(soci::session& sql, const User& official);

// {"id","full_name","phone","phone_masked","role","agency","vneid_verified","birth_date",
//  "gender","commune","street","email","so_dinh_danh_masked"}; absent optional fields are null,
// and so are phone and phone_masked for a placeholder phone.
nlohmann::json user_json(const User& user);

}  // namespace cdscb::server::accounts
