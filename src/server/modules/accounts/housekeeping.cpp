#include "modules/accounts/housekeeping.h"

#include <soci/soci.h>

#include <string>
#include <utility>
#include <vector>

#include "modules/accounts/codes.h"
#include "modules/accounts/login_throttle.h"
#include "modules/accounts/sessions.h"
#include "modules/accounts/users.h"

namespace cdscb::server::accounts {
namespace {

using Reference = std::pair<std::string, std::string>;  // table, column

std::string quoted(const std::string& identifier) {
  std::string out = "\"";
  for (const char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Every (table, column) with a foreign key to users, read from the database's own catalogue, so
// tables added later by other modules are respected without a change here.
std::vector<Reference> references_to_users(soci::session& sql, db::Backend backend) {
  const char* query =
      backend == db::Backend::kPostgresql
          ? "SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
            "WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass"
          : "SELECT m.name, p.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) p "
            "WHERE m.type = 'table' AND p.\"table\" = 'users'";
  std::vector<Reference> references;
  const soci::rowset<soci::row> rows = sql.prepare << query;
  for (const soci::row& row : rows) {
    std::string table = row.get<std::string>(0);
    // regclass text is already quoted where PostgreSQL needs it (and may carry a schema).
    if (backend == db::Backend::kSqlite) table = quoted(table);
    references.emplace_back(std::move(table), quoted(row.get<std::string>(1)));
  }
  return references;
}

long long affected(soci::statement& statement) {
  statement.execute(true);
  return statement.get_affected_rows();
}

}  // namespace

PurgeCounts purge_expired(db::Database& database, long long now) {
  soci::session sql(database.pool());
  PurgeCounts counts;
  const long long code_cutoff = now - kExpiredCodeGrace;
  soci::statement codes = (sql.prepare << "DELETE FROM verification_codes WHERE expires_at < :c",
                           soci::use(code_cutoff));
  counts.codes = affected(codes);
  const long long send_cutoff = now - kSendWindow;
  soci::statement sends =
      (sql.prepare << "DELETE FROM verification_sends WHERE sent_at <= :c", soci::use(send_cutoff));
  counts.sends = affected(sends);
  // A failure still counts while it is in the window, and the lock runs from the last one.
  const long long failure_cutoff = now - kFailureWindow - kLockoutSeconds;
  soci::statement failures =
      (sql.prepare << "DELETE FROM login_failures WHERE failed_at < :c", soci::use(failure_cutoff));
  counts.failures = affected(failures);
  const long long session_cutoff = now - kSessionIdleSeconds;
  soci::statement sessions =
      (sql.prepare << "DELETE FROM sessions WHERE last_seen_at < :c", soci::use(session_cutoff));
  counts.sessions = affected(sessions);

  // One statement, so a row another module inserts meanwhile either blocks it or waits for it.
  std::string query =
      "DELETE FROM users WHERE phone_verified_at IS NULL AND deleted_at IS NULL "
      "AND role = 'citizen' AND created_at < :c AND phone NOT LIKE '" +
      std::string(kNoPhonePrefix) + "%'";
  for (const auto& [table, column] : references_to_users(sql, database.backend())) {
    query += " AND NOT EXISTS (SELECT 1 FROM " + table + " r WHERE r." + column + " = users.id)";
  }
  const long long account_cutoff = now - kUnconfirmedAccountSeconds;
  soci::statement accounts = (sql.prepare << query, soci::use(account_cutoff));
  counts.accounts = affected(accounts);
  return counts;
}

}  // namespace cdscb::server::accounts
