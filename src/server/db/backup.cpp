#include "db/backup.h"

#include <soci/soci.h>
#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>

#include "util/subprocess.h"

namespace cdscb::server::db {
namespace {

using SqliteHandle = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

SqliteHandle open_sqlite(const std::string& path, int flags) {
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  SqliteHandle owned(handle, &sqlite3_close);
  if (rc != SQLITE_OK)
    throw BackupError("cannot open SQLite database " + path + ": " +
                      (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc)));
  // A writer holding the lock for a moment (a server still running) is waited for.
  sqlite3_busy_timeout(handle, 10'000);
  return owned;
}

// Copies database `from` into `to` in one step: the source stays readable and writable by others
// (WAL), the destination is replaced in one transaction.
void copy_sqlite(sqlite3* from, sqlite3* to) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (!backup) throw BackupError(std::string("SQLite backup: ") + sqlite3_errmsg(to));
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(100);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw BackupError(std::string("SQLite backup: ") + sqlite3_errstr(rc));
}

std::string current_schema(const DatabaseUrl& url) {
  soci::session sql("postgresql", url.target);
  std::string schema;
  sql << "SELECT current_schema()", soci::into(schema);
  return schema;
}

void run_pg_tool(const std::vector<std::string>& argv) {
  util::ProcessOptions options;
  options.timeout = std::chrono::hours(6);
  options.capture_stderr = true;
  const auto run = util::run_process(argv, options);
  if (!run.started)
    throw BackupError(argv[0] + " cannot be run: is PostgreSQL's client installed?");
  if (!run.ok())
    throw BackupError(argv[0] + " failed" +
                      (run.error_output.empty() ? std::string() : ": " + run.error_output));
}

// The schema, with the extensions installed in it (pg_trgm's operator classes are used by
// indexes), so a fresh database gets them back.
void dump_postgresql(const DatabaseUrl& url, const std::filesystem::path& file) {
  const std::string schema = current_schema(url);
  std::vector<std::string> argv{
      "pg_dump",         "--format=custom",         "--schema=" + schema,    "--no-owner",
      "--no-privileges", "--file=" + file.string(), "--dbname=" + url.target};
  soci::session sql("postgresql", url.target);
  soci::rowset<std::string> extensions =
      (sql.prepare << "SELECT e.extname FROM pg_extension e JOIN pg_namespace n ON n.oid = "
                      "e.extnamespace WHERE n.nspname = :schema",
       soci::use(schema));
  for (const auto& name : extensions) argv.push_back("--extension=" + name);
  run_pg_tool(argv);
}

// Into an empty schema only: pg_restore cannot replace a schema in one transaction (its objects,
// the extensions living there), and an operator restores into a database made for it. The dump's
// own CREATE SCHEMA is left out, as the schema exists; everything else is one transaction.
void load_postgresql(const DatabaseUrl& url, const std::filesystem::path& file) {
  const std::string schema = current_schema(url);
  {
    soci::session sql("postgresql", url.target);
    long long tables = 0;
    sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = :schema",
        soci::use(schema), soci::into(tables);
    if (tables > 0)
      throw BackupError("the PostgreSQL schema \"" + schema +
                        "\" is not empty: restore into an empty database (see the README)");
  }
  const std::filesystem::path list = file.string() + ".list";
  {
    const auto listed =
        util::run_process({"pg_restore", "--list", file.string()},
                          {.timeout = std::chrono::minutes(5), .capture_stdout_to = list});
    if (!listed.ok()) throw BackupError("pg_restore cannot read the dump");
  }
  // Entries look like "6; 2615 16384 SCHEMA - public postgres"; a leading ';' comments one out.
  std::ifstream in(list);
  std::string kept, line;
  while (std::getline(in, line)) {
    const bool schema_entry = line.find(" SCHEMA - ") != std::string::npos;
    kept += (schema_entry ? ";" : "") + line + "\n";
  }
  in.close();
  std::ofstream(list, std::ios::trunc) << kept;
  run_pg_tool({"pg_restore", "--single-transaction", "--exit-on-error", "--no-owner",
               "--no-privileges", "--use-list=" + list.string(), "--dbname=" + url.target,
               file.string()});
  std::filesystem::remove(list);
}

}  // namespace

const char* dump_name(Backend backend) {
  return backend == Backend::kSqlite ? "database.sqlite3" : "database.pgdump";
}

void dump_database(const DatabaseUrl& url, const std::filesystem::path& file) {
  if (url.backend == Backend::kPostgresql) return dump_postgresql(url, file);
  if (url.target == ":memory:") throw BackupError("an in-memory database has nothing to back up");
  auto from = open_sqlite(url.target, SQLITE_OPEN_READONLY);
  auto to = open_sqlite(file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  copy_sqlite(from.get(), to.get());
}

void load_database(const DatabaseUrl& url, const std::filesystem::path& file) {
  if (url.backend == Backend::kPostgresql) return load_postgresql(url, file);
  auto from = open_sqlite(file.string(), SQLITE_OPEN_READONLY);
  auto to = open_sqlite(url.target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  copy_sqlite(from.get(), to.get());
}

}  // namespace cdscb::server::db
