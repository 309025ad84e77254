#include "db/migrations.h"

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>

#include "db/schema/schema.h"
#include "util/log.h"
#include "util/time.h"

namespace cdscb::server::db {
namespace {

std::string now_rfc3339() { return util::rfc3339_utc(std::chrono::system_clock::now()); }

// 1: facts about this installation, starting with when its database was created.
void create_app_meta(soci::session& sql, Backend) {
  sql << "CREATE TABLE app_meta ("
         "  key TEXT PRIMARY KEY,"
         "  value TEXT NOT NULL"
         ")";
  const std::string created_at = now_rfc3339();
  sql << "INSERT INTO app_meta (key, value) VALUES ('created_at', :created_at)",
      soci::use(created_at);
}

constexpr Migration kMigrations[] = {
    {1, "create_app_meta", &create_app_meta},
    {2, "create_accounts", &schema::create_accounts},
    {3, "add_user_deleted_at", &schema::add_user_deleted_at},
    {4, "create_vneid", &schema::create_vneid},
    {5, "create_media", &schema::create_media},
    {6, "add_send_address", &schema::add_send_address},
    {7, "create_feedback", &schema::create_feedback},
    {8, "create_news", &schema::create_news},
    {9, "create_directory", &schema::create_directory},
    {10, "add_feedback_queue_index", &schema::add_feedback_queue_index},
    {11, "add_feedback_map_indexes", &schema::add_feedback_map_indexes},
    {12, "create_holidays", &schema::create_holidays},
    {13, "add_feedback_search", &schema::add_feedback_search},
    {14, "create_idempotency_keys", &schema::create_idempotency_keys},
    {15, "create_feedback_follow_tokens", &schema::create_feedback_follow_tokens},
    {16, "create_jobs", &schema::create_jobs},
    {17, "add_bounds", &schema::add_bounds},
    {18, "add_record_owners", &schema::add_record_owners},
    // 19 is left for the trust issue's last server changes.
    {20, "create_payments", &schema::create_payments},
    {21, "create_dossiers", &schema::create_dossiers},
    // 22 to 24 were kept free for branches in flight when the cameras landed; unused.
    {25, "create_cameras", &schema::create_cameras},
    {26, "add_payment_purpose", &schema::add_payment_purpose},
    // 27 was left free for branches in flight when the search index landed; unused.
    {28, "add_feedback_text_index", &schema::add_feedback_text_index},
};

bool is_applied(soci::session& sql, int version) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :version", soci::use(version),
      soci::into(count);
  return count > 0;
}

}  // namespace

std::span<const Migration> builtin_migrations() { return kMigrations; }

int schema_version(soci::session& sql) {
  int version = 0;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, indicator);
  return indicator == soci::i_ok ? version : 0;
}

MigrationResult migrate(Database& database, std::span<const Migration> migrations) {
  for (std::size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version) {
      throw std::logic_error("migrations are not in increasing version order");
    }
  }
  soci::session sql(database.pool());
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations ("
         "  version INTEGER PRIMARY KEY,"
         "  name TEXT NOT NULL,"
         "  applied_at TEXT NOT NULL"
         ")";

  // By number, not by the highest applied: a migration merged later with a lower number than one
  // a database already has is still applied.
  std::set<int> applied;
  {
    soci::rowset<int> rows = (sql.prepare << "SELECT version FROM schema_migrations");
    applied.insert(rows.begin(), rows.end());
  }
  MigrationResult result;
  result.version = schema_version(sql);
  for (const Migration& migration : migrations) {
    if (applied.count(migration.version)) continue;
    Transaction transaction(sql, database.backend());
    if (database.backend() == Backend::kPostgresql) {
      // Another server starting at the same moment waits here instead of failing halfway.
      sql << "LOCK TABLE schema_migrations IN SHARE ROW EXCLUSIVE MODE";
    }
    if (is_applied(sql, migration.version)) {  // applied by a server starting concurrently
      result.version = std::max(result.version, migration.version);
      continue;
    }
    util::log_info("applying migration " + std::to_string(migration.version) + " " +
                   std::string(migration.name));
    migration.up(sql, database.backend());
    const std::string name(migration.name);
    const std::string applied_at = now_rfc3339();
    sql << "INSERT INTO schema_migrations (version, name, applied_at) "
           "VALUES (:version, :name, :applied_at)",
        soci::use(migration.version), soci::use(name), soci::use(applied_at);
    transaction.commit();
    result.version = std::max(result.version, migration.version);
    ++result.applied;
  }
  return result;
}

}  // namespace cdscb::server::db
