// The linked VNeID identity in "download my data" and "delete my account"
// (modules/accounts/personal_data.h): the VNeID module owns vneid_links, so it exports and erases
// them; the accounts module only asks.
#include <soci/soci.h>

#include "db/nullable_text.h"
#include "modules/vneid/routes.h"
#include "util/time.h"

namespace cdscb::server {
namespace {

nlohmann::json collect(soci::session& sql, long long user_id) {
  std::string so_dinh_danh, issuer, name;
  db::NullableText assurance, birth_date, gender, contact_phone;
  long long linked_at = 0;
  sql << "SELECT so_dinh_danh, issuer, assurance_level, ho_va_ten, ngay_sinh, gioi_tinh, "
         "contact_phone, linked_at FROM vneid_links WHERE user_id = :u",
      soci::use(user_id), soci::into(so_dinh_danh), soci::into(issuer),
      soci::into(assurance.value, assurance.indicator), soci::into(name),
      soci::into(birth_date.value, birth_date.indicator),
      soci::into(gender.value, gender.indicator),
      soci::into(contact_phone.value, contact_phone.indicator), soci::into(linked_at);
  if (!sql.got_data()) return nullptr;
  const auto optional = [](const db::NullableText& text) {
    return text.get() ? nlohmann::json(*text.get()) : nlohmann::json(nullptr);
  };
  return {
      {"so_dinh_danh", so_dinh_danh},
      {"issuer", issuer},
      {"assurance_level", optional(assurance)},
      {"ho_va_ten", name},
      {"ngay_sinh", optional(birth_date)},
      {"gioi_tinh", optional(gender)},
      {"contact_phone", optional(contact_phone)},
      {"linked_at",
       util::rfc3339_utc(std::chrono::system_clock::time_point(std::chrono::seconds(linked_at)))}};
}

// The personal identification number and its claims go with the account, so the identity can
// be linked to a new account later.
void erase(soci::session& sql, long long user_id) {
  sql << "DELETE FROM vneid_links WHERE user_id = :u", soci::use(user_id);
}

}  // namespace

accounts::PersonalDataSection vneid_personal_data() {
  return {.name = "vneid", .collect = collect, .erase = erase};
}

}  // namespace cdscb::server
