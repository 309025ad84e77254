#include "db/migrations.h"

#include <doctest/doctest.h>
#include <soci/soci.h>

#include <stdexcept>

#include "db/database.h"
#include "db/test_database.h"
#include "test_support.h"

using namespace cdscb::server::db;
using cdscb::server::testing::TempDir;
using cdscb::server::testing::TestDatabase;

namespace {

DatabaseUrl sqlite_at(const std::filesystem::path& path) {
  return DatabaseUrl{Backend::kSqlite, path.string()};
}

int count_rows(soci::session& sql, const std::string& table) {
  int count = -1;
  sql << "SELECT COUNT(*) FROM " + table, soci::into(count);
  return count;
}

void create_widgets(soci::session& sql, Backend) {
  sql << "CREATE TABLE widgets (id INTEGER PRIMARY KEY, name TEXT NOT NULL)";
}

void create_things(soci::session& sql, Backend) {
  sql << "CREATE TABLE things (id INTEGER PRIMARY KEY)";
}

void create_gadgets(soci::session& sql, Backend) {
  sql << "CREATE TABLE gadgets (id INTEGER PRIMARY KEY)";
}

void create_gadgets_then_fail(soci::session& sql, Backend) {
  sql << "CREATE TABLE gadgets (id INTEGER PRIMARY KEY)";
  throw std::runtime_error("migration failed halfway");
}

}  // namespace

TEST_CASE("database URLs") {
  CHECK(parse_database_url("sqlite:var/app.db")->target == "var/app.db");
  CHECK(parse_database_url("sqlite:///tmp/x.db")->target == "/tmp/x.db");
  CHECK(parse_database_url("sqlite:var/app.db")->backend == Backend::kSqlite);
  CHECK(parse_database_url("postgresql://u@h/db")->backend == Backend::kPostgresql);
  CHECK(parse_database_url("postgres://u@h/db")->target == "host='h' dbname='db' user='u'");
  CHECK_FALSE(parse_database_url("sqlite:"));
  CHECK_FALSE(parse_database_url("mysql://h/db"));
}

TEST_CASE("PostgreSQL URLs become libpq keyword/value strings, decoded and quoted") {
  CHECK(postgresql_conninfo("postgresql://cdscb:p%40ss'w@db.internal:5433/cdscb?sslmode=require") ==
        "host='db.internal' port='5433' dbname='cdscb' user='cdscb' password='p@ss\\'w' "
        "sslmode='require'");
  CHECK(postgresql_conninfo("postgresql://[::1]:5432/app") ==
        "host='::1' port='5432' dbname='app'");
  CHECK(postgresql_conninfo("postgresql:///app?host=/run/postgresql") ==
        "dbname='app' host='/run/postgresql'");
  CHECK_FALSE(postgresql_conninfo("postgresql://"));
  CHECK_FALSE(postgresql_conninfo("postgresql://h/db?bad%20key=1"));
  CHECK_FALSE(postgresql_conninfo("postgresql://h/db%zz"));
  CHECK_FALSE(postgresql_conninfo("postgresql://u:two%20words@h/db"));
}

TEST_CASE("migrations apply once; a restart finds the same version") {
  const TestDatabase place;
  std::string created_at;
  {
    Database database(place.url(), 2);
    const MigrationResult first = migrate(database);
    CHECK(first.applied == static_cast<int>(builtin_migrations().size()));
    CHECK(first.version == builtin_migrations().back().version);
    soci::session sql(database.pool());
    sql << "SELECT value FROM app_meta WHERE key = 'created_at'", soci::into(created_at);
    CHECK(created_at.size() == 20);  // 2024-05-01T10:00:00Z
    CHECK(created_at.back() == 'Z');
  }
  Database database(place.url(), 2);
  const MigrationResult second = migrate(database);
  CHECK(second.applied == 0);
  CHECK(second.version == builtin_migrations().back().version);
  soci::session sql(database.pool());
  CHECK(count_rows(sql, "schema_migrations") == static_cast<int>(builtin_migrations().size()));
  std::string name;
  sql << "SELECT name FROM schema_migrations WHERE version = 1", soci::into(name);
  CHECK(name == "create_app_meta");
  std::string created_again;
  sql << "SELECT value FROM app_meta WHERE key = 'created_at'", soci::into(created_again);
  CHECK(created_again == created_at);
}

TEST_CASE("a failing migration is rolled back and the earlier ones stay") {
  const TestDatabase place;
  Database database(place.url(), 1);
  const Migration migrations[] = {
      {1, "create_widgets", &create_widgets},
      {2, "create_gadgets_then_fail", &create_gadgets_then_fail},
  };
  CHECK_THROWS_WITH(migrate(database, migrations), "migration failed halfway");
  soci::session sql(database.pool());
  CHECK(schema_version(sql) == 1);
  CHECK(count_rows(sql, "widgets") == 0);
  CHECK_THROWS(count_rows(sql, "gadgets"));  // the CREATE TABLE was rolled back too
}

// SQLite only: WAL and the foreign-keys pragma are what SQLite needs set per session; PostgreSQL
// has neither setting and always enforces foreign keys.
TEST_CASE("SQLite sessions use WAL and enforce foreign keys" * doctest::test_suite("sqlite_only")) {
  const TempDir dir;
  std::filesystem::create_directories(dir.path() / "with space");
  Database database(sqlite_at(dir.path() / "with space" / "app.db"), 2);
  soci::session sql(database.pool());
  std::string mode;
  sql << "PRAGMA journal_mode", soci::into(mode);
  CHECK(mode == "wal");
  sql << "CREATE TABLE parent (id INTEGER PRIMARY KEY)";
  sql << "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))";
  CHECK_THROWS(sql << "INSERT INTO child (id, parent_id) VALUES (1, 42)");
}

TEST_CASE("a migration merged later with a lower number than the newest applied is applied") {
  const TestDatabase place;
  Database database(place.url(), 1);
  const Migration before[] = {{1, "create_widgets", &create_widgets}};
  const Migration after[] = {{1, "create_widgets", &create_widgets},
                             {2, "create_gadgets", &create_gadgets},
                             {3, "create_things", &create_things}};
  const Migration newest_first[] = {{1, "create_widgets", &create_widgets},
                                    {3, "create_things", &create_things}};
  migrate(database, before);
  CHECK(migrate(database, newest_first).applied == 1);  // the database now has 1 and 3
  const MigrationResult result = migrate(database, after);
  CHECK(result.applied == 1);
  CHECK(result.version == 3);
  soci::session sql(database.pool());
  CHECK(count_rows(sql, "gadgets") == 0);  // the table exists now
  CHECK(count_rows(sql, "schema_migrations") == 3);
}
