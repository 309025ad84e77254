#include "modules/vneid/store.h"

#include <soci/soci.h>

#include "db/nullable_text.h"
#include "security/crypto.h"

namespace cdscb::server::vneid {
namespace {

using Text = db::NullableText;

constexpr const char* kSelectLink =
    "SELECT user_id, so_dinh_danh, sub, issuer, assurance_level, ho_va_ten, ngay_sinh, gioi_tinh, "
    "contact_phone, linked_at FROM vneid_links ";

template <typename Key>
std::optional<Link> select_link(soci::session& sql, const std::string& where, const Key& key) {
  Link link;
  Text assurance, birth, gender, contact;
  soci::statement statement =
      (sql.prepare << kSelectLink + where, soci::use(key), soci::into(link.user_id),
       soci::into(link.so_dinh_danh), soci::into(link.sub), soci::into(link.issuer),
       soci::into(assurance.value, assurance.indicator), soci::into(link.ho_va_ten),
       soci::into(birth.value, birth.indicator), soci::into(gender.value, gender.indicator),
       soci::into(contact.value, contact.indicator), soci::into(link.linked_at));
  statement.execute(true);
  if (!statement.got_data()) return std::nullopt;
  link.assurance_level = assurance.get();
  link.ngay_sinh = birth.get();
  link.gioi_tinh = gender.get();
  link.contact_phone = contact.get();
  return link;
}

void upsert_attempt(soci::session& sql, const std::string& attempt_hash, Text identity, Text code,
                    Text message, long long expires_at) {
  sql << "INSERT INTO vneid_attempts (attempt_hash, identity, error_code, error_message, "
         "expires_at) VALUES (:hash, :identity, :code, :message, :expires_at) "
         "ON CONFLICT (attempt_hash) DO UPDATE SET identity = excluded.identity, "
         "error_code = excluded.error_code, error_message = excluded.error_message, "
         "expires_at = excluded.expires_at",
      soci::use(attempt_hash), soci::use(identity.value, identity.indicator),
      soci::use(code.value, code.indicator), soci::use(message.value, message.indicator),
      soci::use(expires_at);
}

}  // namespace

void insert_state(soci::session& sql, const std::string& state, const std::string& attempt_hash,
                  const std::string& nonce, const std::string& code_verifier, long long now) {
  sql << "INSERT INTO vneid_states (state, attempt_hash, nonce, code_verifier, created_at) "
         "VALUES (:state, :hash, :nonce, :verifier, :now)",
      soci::use(state), soci::use(attempt_hash), soci::use(nonce), soci::use(code_verifier),
      soci::use(now);
}

std::optional<LoginState> take_state(soci::session& sql, const std::string& state,
                                     const std::string& attempt_hash, long long now) {
  if (state.empty() || attempt_hash.empty()) return std::nullopt;
  LoginState found;
  std::string owner;
  long long created_at = 0;
  long long used_at = 0;
  soci::indicator used_indicator = soci::i_null;
  soci::statement select =
      (sql.prepare << "SELECT attempt_hash, nonce, code_verifier, created_at, used_at "
                      "FROM vneid_states WHERE state = :state",
       soci::use(state), soci::into(owner), soci::into(found.nonce),
       soci::into(found.code_verifier), soci::into(created_at),
       soci::into(used_at, used_indicator));
  select.execute(true);
  if (!select.got_data()) return std::nullopt;
  if (!security::constant_time_equals(owner, attempt_hash)) return std::nullopt;
  if (used_indicator == soci::i_ok) return std::nullopt;
  if (now >= created_at + kAttemptSeconds || now < created_at - 60) return std::nullopt;
  soci::statement update =
      (sql.prepare << "UPDATE vneid_states SET used_at = :now WHERE state = :state "
                      "AND used_at IS NULL",
       soci::use(now), soci::use(state));
  update.execute(true);
  if (update.get_affected_rows() != 1) return std::nullopt;  // a parallel callback won
  return found;
}

void purge_expired(soci::session& sql, long long now) {
  const long long cutoff = now - kAttemptSeconds;
  sql << "DELETE FROM vneid_states WHERE created_at < :cutoff", soci::use(cutoff);
  sql << "DELETE FROM vneid_attempts WHERE expires_at < :now", soci::use(now);
}

void remember_identity(soci::session& sql, const std::string& attempt_hash,
                       const nlohmann::json& identity, long long expires_at) {
  upsert_attempt(sql, attempt_hash, Text(identity.dump()), Text(), Text(), expires_at);
}

void remember_error(soci::session& sql, const std::string& attempt_hash, const std::string& code,
                    const std::string& message, long long expires_at) {
  upsert_attempt(sql, attempt_hash, Text(), Text(code), Text(message), expires_at);
}

std::optional<Attempt> find_attempt(soci::session& sql, const std::string& attempt_hash,
                                    long long now) {
  if (attempt_hash.empty()) return std::nullopt;
  Text identity, code, message;
  soci::statement statement =
      (sql.prepare << "SELECT identity, error_code, error_message FROM vneid_attempts "
                      "WHERE attempt_hash = :hash AND expires_at > :now",
       soci::use(attempt_hash), soci::use(now), soci::into(identity.value, identity.indicator),
       soci::into(code.value, code.indicator), soci::into(message.value, message.indicator));
  statement.execute(true);
  if (!statement.got_data()) return std::nullopt;
  Attempt attempt;
  if (const auto text = identity.get()) attempt.identity = nlohmann::json::parse(*text);
  attempt.error_code = code.get().value_or("");
  attempt.error_message = message.get().value_or("");
  return attempt;
}

void forget_attempt(soci::session& sql, const std::string& attempt_hash) {
  sql << "DELETE FROM vneid_attempts WHERE attempt_hash = :hash", soci::use(attempt_hash);
}

std::optional<Link> find_link_by_number(soci::session& sql, const std::string& so_dinh_danh) {
  return select_link(sql, "WHERE so_dinh_danh = :number", so_dinh_danh);
}

std::optional<Link> find_link_by_user(soci::session& sql, long long user_id) {
  return select_link(sql, "WHERE user_id = :id", user_id);
}

bool insert_link(soci::session& sql, const Link& link) {
  Text assurance(link.assurance_level), birth(link.ngay_sinh), gender(link.gioi_tinh),
      contact(link.contact_phone);
  long long user_id = 0;
  soci::statement statement =
      (sql.prepare << "INSERT INTO vneid_links (user_id, so_dinh_danh, sub, issuer, "
                      "assurance_level, ho_va_ten, ngay_sinh, gioi_tinh, contact_phone, linked_at) "
                      "VALUES (:user_id, :number, :sub, :issuer, :assurance, :name, :birth, "
                      ":gender, :contact, :linked_at) ON CONFLICT DO NOTHING RETURNING user_id",
       soci::use(link.user_id), soci::use(link.so_dinh_danh), soci::use(link.sub),
       soci::use(link.issuer), soci::use(assurance.value, assurance.indicator),
       soci::use(link.ho_va_ten), soci::use(birth.value, birth.indicator),
       soci::use(gender.value, gender.indicator), soci::use(contact.value, contact.indicator),
       soci::use(link.linked_at), soci::into(user_id));
  statement.execute(true);
  return statement.got_data();
}

void delete_link(soci::session& sql, long long user_id) {
  sql << "DELETE FROM vneid_links WHERE user_id = :id", soci::use(user_id);
}

std::string mask_number(const std::string& so_dinh_danh) {
  if (so_dinh_danh.size() < 6) return std::string(so_dinh_danh.size(), '*');
  return so_dinh_danh.substr(0, 3) + std::string(so_dinh_danh.size() - 5, '*') +
         so_dinh_danh.substr(so_dinh_danh.size() - 2);
}

}  // namespace cdscb::server::vneid
