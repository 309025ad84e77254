#include "modules/accounts/users.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "core/accounts.h"
#include "db/nullable_text.h"
#include "modules/vneid/store.h"

namespace cdscb::server::accounts {
namespace {

constexpr const char* kSelectUser =
    "SELECT id, phone, full_name, password_hash, role, agency, phone_verified_at, created_at, "
    "birth_date, gender, commune, street, email, "
    "(SELECT so_dinh_danh FROM vneid_links WHERE vneid_links.user_id = users.id) FROM users ";

using Text = db::NullableText;

struct UserRow {
  User user;
  Text agency, birth_date, gender, commune, street, email, so_dinh_danh;
  std::string role;
  long long verified_at = 0;
  soci::indicator verified_indicator = soci::i_null;

  User take() {
    user.role = core::role_or_citizen(role);
    user.agency = agency.get();
    user.birth_date = birth_date.get();
    user.gender = gender.get();
    user.commune = commune.get();
    user.street = street.get();
    user.email = email.get();
    user.so_dinh_danh = so_dinh_danh.get();
    if (verified_indicator == soci::i_ok) user.phone_verified_at = verified_at;
    return std::move(user);
  }
};

template <typename Key>
std::optional<User> select_user(soci::session& sql, const std::string& where, const Key& key) {
  UserRow row;
  soci::statement statement =
      (sql.prepare << kSelectUser + where, soci::use(key), soci::into(row.user.id),
       soci::into(row.user.phone), soci::into(row.user.full_name),
       soci::into(row.user.password_hash), soci::into(row.role),
       soci::into(row.agency.value, row.agency.indicator),
       soci::into(row.verified_at, row.verified_indicator), soci::into(row.user.created_at),
       soci::into(row.birth_date.value, row.birth_date.indicator),
       soci::into(row.gender.value, row.gender.indicator),
       soci::into(row.commune.value, row.commune.indicator),
       soci::into(row.street.value, row.street.indicator),
       soci::into(row.email.value, row.email.indicator),
       soci::into(row.so_dinh_danh.value, row.so_dinh_danh.indicator));
  statement.execute(true);
  if (!statement.got_data()) return std::nullopt;
  return row.take();
}

nlohmann::json or_null(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

std::optional<User> find_user_by_phone(soci::session& sql, const std::string& phone) {
  return select_user(sql, "WHERE phone = :phone", phone);
}

std::optional<User> find_user_by_id(soci::session& sql, long long id) {
  return select_user(sql, "WHERE id = :id", id);
}

std::optional<long long> insert_user(soci::session& sql, const User& user) {
  Text agency(user.agency);
  long long verified_at = user.phone_verified_at.value_or(0);
  soci::indicator verified_indicator = user.phone_verified_at ? soci::i_ok : soci::i_null;
  long long id = 0;
  const std::string role(core::role_name(user.role));
  soci::statement statement =
      (sql.prepare << "INSERT INTO users (phone, full_name, password_hash, role, agency, "
                      "phone_verified_at, created_at) VALUES (:phone, :full_name, :password_hash, "
                      ":role, :agency, :verified_at, :created_at) "
                      "ON CONFLICT (phone) DO NOTHING RETURNING id",
       soci::use(user.phone), soci::use(user.full_name), soci::use(user.password_hash),
       soci::use(role), soci::use(agency.value, agency.indicator),
       soci::use(verified_at, verified_indicator), soci::use(user.created_at), soci::into(id));
  statement.execute(true);
  if (!statement.got_data()) return std::nullopt;
  return id;
}

void update_pending_user(soci::session& sql, long long id, const std::string& full_name,
                         const std::string& password_hash) {
  sql << "UPDATE users SET full_name = :full_name, password_hash = :password_hash "
         "WHERE id = :id AND phone_verified_at IS NULL",
      soci::use(full_name), soci::use(password_hash), soci::use(id);
}

void mark_phone_verified(soci::session& sql, long long id, long long now) {
  sql << "UPDATE users SET phone_verified_at = :now WHERE id = :id AND phone_verified_at IS NULL",
      soci::use(now), soci::use(id);
}

void set_password_hash(soci::session& sql, long long id, const std::string& password_hash) {
  sql << "UPDATE users SET password_hash = :password_hash WHERE id = :id", soci::use(password_hash),
      soci::use(id);
}

long long upsert_official(soci::session& sql, const User& official) {
  if (const auto id = insert_user(sql, official)) return *id;
  const auto existing = find_user_by_phone(sql, official.phone);
  if (!existing) throw std::runtime_error("the account vanished while being updated");
  Text agency(official.agency);
  long long verified_at = existing->phone_verified_at.value_or(official.created_at);
  const std::string role(core::role_name(official.role));
  sql << "UPDATE users SET full_name = :full_name, password_hash = :password_hash, role = :role, "
         "agency = :agency, phone_verified_at = :verified_at WHERE id = :id",
      soci::use(official.full_name), soci::use(official.password_hash), soci::use(role),
      soci::use(agency.value, agency.indicator), soci::use(verified_at), soci::use(existing->id);
  return existing->id;
}

nlohmann::json user_json(const User& user) {
  return {
      {"id", user.id},
      {"full_name", user.full_name},
      {"phone", user.has_phone() ? nlohmann::json(user.phone) : nlohmann::json(nullptr)},
      {"phone_masked",
       user.has_phone() ? nlohmann::json(core::mask_phone(user.phone)) : nlohmann::json(nullptr)},
      {"role", core::role_name(user.role)},
      {"agency", or_null(user.agency)},
      {"vneid_verified", user.vneid_verified()},
      {"so_dinh_danh_masked", user.so_dinh_danh
                                  ? nlohmann::json(vneid::mask_number(*user.so_dinh_danh))
                                  : nlohmann::json(nullptr)},
      {"birth_date", or_null(user.birth_date)},
      {"gender", or_null(user.gender)},
      {"commune", or_null(user.commune)},
      {"street", or_null(user.street)},
      {"email", or_null(user.email)},
  };
}

}  // namespace cdscb::server::accounts
