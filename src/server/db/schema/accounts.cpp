#include <soci/soci.h>

#include <string>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

const char* id_column(Backend backend) {
  return backend == Backend::kPostgresql ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY";
}

// Times are Unix seconds (UTC) in BIGINT columns: compared in SQL the same way on both backends.
void create_accounts(soci::session& sql, Backend backend) {
  const std::string id = id_column(backend);
  sql << "CREATE TABLE users ("
         "  id " +
             id +
             ","
             "  phone TEXT NOT NULL UNIQUE,"
             "  full_name TEXT NOT NULL,"
             "  password_hash TEXT NOT NULL,"
             "  role TEXT NOT NULL DEFAULT 'citizen' CHECK (role IN ('citizen', 'officer', "
             "'admin')),"
             "  agency TEXT,"
             "  phone_verified_at BIGINT,"
             "  created_at BIGINT NOT NULL,"
             "  birth_date TEXT,"
             "  gender TEXT,"
             "  commune TEXT,"
             "  street TEXT,"
             "  email TEXT"
             ")";
  // One live code per number and purpose; only its hash is kept.
  sql << "CREATE TABLE verification_codes ("
         "  phone TEXT NOT NULL,"
         "  purpose TEXT NOT NULL CHECK (purpose IN ('register', 'reset')),"
         "  code_hash TEXT NOT NULL,"
         "  expires_at BIGINT NOT NULL,"
         "  attempts INTEGER NOT NULL DEFAULT 0,"
         "  last_sent_at BIGINT NOT NULL,"
         "  PRIMARY KEY (phone, purpose)"
         ")";
  // Every code sent (or refused to an unknown number), for the resend throttle.
  sql << "CREATE TABLE verification_sends ("
         "  id " +
             id +
             ","
             "  phone TEXT NOT NULL,"
             "  sent_at BIGINT NOT NULL"
             ")";
  sql << "CREATE INDEX verification_sends_phone ON verification_sends (phone, sent_at)";
  sql << "CREATE TABLE sessions ("
         "  id " +
             id +
             ","
             "  token_hash TEXT NOT NULL UNIQUE,"
             "  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
             "  created_at BIGINT NOT NULL,"
             "  last_seen_at BIGINT NOT NULL,"
             "  user_agent TEXT,"
             "  ip TEXT"
             ")";
  sql << "CREATE INDEX sessions_user ON sessions (user_id)";
  sql << "CREATE TABLE login_failures ("
         "  id " +
             id +
             ","
             "  phone TEXT NOT NULL,"
             "  ip TEXT NOT NULL,"
             "  failed_at BIGINT NOT NULL"
             ")";
  sql << "CREATE INDEX login_failures_phone ON login_failures (phone, failed_at)";
  sql << "CREATE INDEX login_failures_ip ON login_failures (ip, failed_at)";
  sql << "CREATE INDEX login_failures_time ON login_failures (failed_at)";
}

// Deleting an account keeps its users row, anonymised, so that rows other modules keep for the
// government (feedback) still reference a valid id: deleted_at is set, personal columns are
// cleared and the phone becomes a placeholder "deleted:<id>" (never a valid number), which frees
// the number to register again.
void add_user_deleted_at(soci::session& sql, Backend) {
  sql << "ALTER TABLE users ADD COLUMN deleted_at BIGINT";
}

// The address that asked for each text (its throttle bucket, see login_throttle.h), so one
// address cannot text many numbers; and indexes for the periodic purge (housekeeping.h).
void add_send_address(soci::session& sql, Backend) {
  sql << "ALTER TABLE verification_sends ADD COLUMN ip TEXT";
  sql << "CREATE INDEX verification_sends_ip ON verification_sends (ip, sent_at)";
  sql << "CREATE INDEX sessions_last_seen ON sessions (last_seen_at)";
}

}  // namespace cdscb::server::db::schema
