// Numbered schema migrations, applied at start in order, each in its own transaction and recorded
// in schema_migrations, so a restart applies only what is new.
#pragma once

#include <span>
#include <string_view>

#include "db/database.h"

namespace cdscb::server::db {

struct Migration {
  int version;  // 1, 2, 3, … in order; never renumber a released one
  std::string_view name;
  // Runs inside the migration's transaction. SQL must run on SQLite and PostgreSQL alike.
  void (*up)(soci::session& sql, Backend backend);
};

// The project's migrations, oldest first.
std::span<const Migration> builtin_migrations();

struct MigrationResult {
  int version = 0;  // the schema version now
  int applied = 0;  // how many migrations this call applied
};

// Creates schema_migrations if needed and applies every migration newer than the recorded
// version. A failing migration is rolled back, earlier ones stay, and the error is rethrown.
MigrationResult migrate(Database& database,
                        std::span<const Migration> migrations = builtin_migrations());

// The highest applied migration version; 0 before any. Throws if the table is missing.
int schema_version(soci::session& sql);

}  // namespace cdscb::server::db
