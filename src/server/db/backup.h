// A copy of the whole database in one file, and the database made again from such a file: the
// part of `cdscb-server backup` / `restore` that knows the backends.
//   SQLite: SQLite's online backup API, into a plain SQLite file. It reads one consistent
//   snapshot while the server keeps serving (WAL: readers never block the writer).
//   PostgreSQL: pg_dump's custom format of the schema the connection uses (its search_path, e.g.
//   "public"), made by Debian's pg_dump / pg_restore of the installed PostgreSQL.
#pragma once

#include <filesystem>
#include <stdexcept>

#include "db/database.h"

namespace cdscb::server::db {

class BackupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes the database `url` names into `file` (a new file). Throws BackupError.
void dump_database(const DatabaseUrl& url, const std::filesystem::path& file);

// Replaces everything in the database `url` names by the content of `file` (made by
// dump_database on the same backend), all or nothing: on failure the database is as it was.
// Servers must be stopped first. Throws BackupError.
void load_database(const DatabaseUrl& url, const std::filesystem::path& file);

// The file name of a dump inside a backup: "database.sqlite3" or "database.pgdump".
const char* dump_name(Backend backend);

}  // namespace cdscb::server::db
