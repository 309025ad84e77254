// The database: a pool of SOCI sessions on SQLite or PostgreSQL. Handlers borrow a session with
// `soci::session sql(db.pool());` (returned to the pool when `sql` goes out of scope), and only
// on the worker pool, never on an I/O thread.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace soci {
class connection_pool;
class session;
}  // namespace soci

namespace cdscb::server::db {

enum class Backend { kSqlite, kPostgresql };

struct DatabaseUrl {
  Backend backend = Backend::kSqlite;
  // SQLite: the file path (or ":memory:"); PostgreSQL: a libpq keyword/value conninfo string.
  std::string target;
};

// "sqlite:PATH", "sqlite://PATH" or "sqlite3:PATH"; "postgresql://..." or "postgres://...".
std::optional<DatabaseUrl> parse_database_url(std::string_view url);

// "postgresql://user:pass@host:port/db?sslmode=require" as libpq keyword/value pairs
// ("host='host' port='port' ..."); SOCI 4.0 mangles URI connect strings, so it gets these.
// nullopt when malformed, or when a value holds whitespace, which SOCI 4.0 cannot pass on: give
// such a password in PGPASSWORD or ~/.pgpass instead, as libpq reads those itself.
std::optional<std::string> postgresql_conninfo(std::string_view url);

// Creates the directory a SQLite database file goes in, when missing; nothing for PostgreSQL or
// ":memory:".
void create_database_directory(const DatabaseUrl& url);

class Database {
 public:
  // Opens `pool_size` sessions. SQLite sessions get WAL, foreign keys and a busy timeout.
  // Throws (soci::soci_error or std::runtime_error) when the database cannot be opened.
  Database(const DatabaseUrl& url, std::size_t pool_size);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return backend_; }
  soci::connection_pool& pool() { return *pool_; }

 private:
  Backend backend_;
  std::unique_ptr<soci::connection_pool> pool_;
};

// A transaction that rolls back unless committed. On SQLite it starts with BEGIN IMMEDIATE, taking
// the write lock at once: two deferred transactions that both read then write would deadlock.
class Transaction {
 public:
  Transaction(soci::session& sql, Backend backend);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  soci::session& sql_;
  bool done_ = false;
};

// Inside a Transaction: waits until no other transaction holds the lock `name`, and holds it until
// this one ends, so read-then-write steps on something without a row of its own (a phone number's
// login failures) run one at a time. PostgreSQL: a transaction-scoped advisory lock on the name's
// 64-bit hash (a collision only makes two names wait for each other). SQLite: nothing to do, as
// BEGIN IMMEDIATE already holds the whole database.
void lock_name(soci::session& sql, Backend backend, const std::string& name);

// " FOR UPDATE" on PostgreSQL, "" on SQLite (no such clause; BEGIN IMMEDIATE locks everything):
// appended to a SELECT inside a Transaction, the row read stays as read until the commit.
const char* for_update(Backend backend);

}  // namespace cdscb::server::db
