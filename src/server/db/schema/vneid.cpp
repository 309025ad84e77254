#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// users.phone stays NOT NULL UNIQUE: an account made through VNeID without a phone number gets a
// placeholder "vneid:<random>" there (never a valid normalised number, so phone login, reset and
// registration never find it), and the API shows it as no phone.
void create_vneid(soci::session& sql, Backend) {
  // A VNeID identity (by SoDinhDanh) is linked to at most one account and an account to at most
  // one identity. The identity fields are kept as VNeID gave them, shown read-only.
  sql << "CREATE TABLE vneid_links ("
         "  user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,"
         "  so_dinh_danh TEXT NOT NULL UNIQUE,"
         "  sub TEXT NOT NULL,"
         "  issuer TEXT NOT NULL,"
         "  assurance_level TEXT,"
         "  ho_va_ten TEXT NOT NULL,"
         "  ngay_sinh TEXT,"
         "  gioi_tinh TEXT,"
         "  contact_phone TEXT,"  // an unconfirmed number given at sign-up, when VNeID had none
         "  linked_at BIGINT NOT NULL"
         ")";
  // One row per redirect to the provider: single use, 10 minutes, bound to the browser's
  // attempt cookie (stored as its SHA-256).
  sql << "CREATE TABLE vneid_states ("
         "  state TEXT PRIMARY KEY,"
         "  attempt_hash TEXT NOT NULL,"
         "  nonce TEXT NOT NULL,"
         "  code_verifier TEXT NOT NULL,"
         "  created_at BIGINT NOT NULL,"
         "  used_at BIGINT"
         ")";
  sql << "CREATE INDEX vneid_states_created ON vneid_states (created_at)";
  // What a callback left for the attempt that is not a sign-in: an identity waiting to be linked
  // (JSON) or an error to show.
  sql << "CREATE TABLE vneid_attempts ("
         "  attempt_hash TEXT PRIMARY KEY,"
         "  identity TEXT,"
         "  error_code TEXT,"
         "  error_message TEXT,"
         "  expires_at BIGINT NOT NULL"
         ")";
  sql << "CREATE INDEX vneid_attempts_expires ON vneid_attempts (expires_at)";
}

}  // namespace cdscb::server::db::schema
