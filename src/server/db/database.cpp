#include "db/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <stdexcept>

#include "db/statement_count.h"
#include "util/log.h"
#include "util/strings.h"

namespace cdscb::server::db {
namespace {

constexpr int kBusyTimeoutMs = 5000;

void configure_sqlite(soci::session& sql, const std::string& path) {
  // The timeout first: switching to WAL needs a lock that a process still shutting down may hold.
  sql << "PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs);
  std::string mode;
  sql << "PRAGMA journal_mode = WAL", soci::into(mode);
  if (mode != "wal" && path != ":memory:") {
    util::log_warn("SQLite could not switch to WAL (journal_mode is " + mode + ")");
  }
  sql << "PRAGMA foreign_keys = ON";
  // With WAL, NORMAL is safe against corruption and loses at most the last commits on power loss.
  sql << "PRAGMA synchronous = NORMAL";
}

// SOCI's SQLite connect string: quote the path so spaces survive.
std::string sqlite_connect_string(const std::string& path) {
  if (path.find('"') != std::string::npos) {
    throw std::runtime_error("SQLite path must not contain a double quote");
  }
  return "db=\"" + path + "\"";
}

// A libpq conninfo value in single quotes, as its keyword=value syntax wants.
std::string quote_conninfo(std::string_view value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

}  // namespace

std::optional<std::string> postgresql_conninfo(std::string_view url) {
  std::string_view rest;
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (url.starts_with(scheme)) rest = url.substr(scheme.size());
  }
  if (rest.empty()) return std::nullopt;
  std::string_view query;
  if (const std::size_t q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string_view database;
  if (const std::size_t slash = rest.find('/'); slash != std::string_view::npos) {
    database = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::string_view user_info;
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
    user_info = rest.substr(0, at);
    rest = rest.substr(at + 1);
  }
  std::string_view host = rest;
  std::string_view port;
  if (const std::size_t colon = rest.rfind(':');
      colon != std::string_view::npos && rest.find(']', colon) == std::string_view::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }

  std::string conninfo;
  bool ok = true;
  const auto add = [&](std::string_view key, std::string_view raw) {
    if (raw.empty()) return;
    const auto value = util::percent_decode(raw, /*plus_as_space=*/false);
    // SOCI 4.0 splits the connect string at spaces, whatever the quoting.
    if (!value || value->find_first_of(" \t\r\n") != std::string::npos) {
      ok = false;
      return;
    }
    if (!conninfo.empty()) conninfo.push_back(' ');
    conninfo.append(key).append("=").append(quote_conninfo(*value));
  };
  add("host", host);
  add("port", port);
  add("dbname", database);
  const std::size_t colon = user_info.find(':');
  add("user", user_info.substr(0, colon));
  if (colon != std::string_view::npos) add("password", user_info.substr(colon + 1));
  for (std::string_view pair : util::split(query, '&')) {
    const std::size_t eq = pair.find('=');
    if (pair.empty() || eq == 0 || eq == std::string_view::npos) continue;
    const std::string_view key = pair.substr(0, eq);
    if (key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string_view::npos) {
      return std::nullopt;
    }
    add(key, pair.substr(eq + 1));
  }
  if (!ok || conninfo.empty()) return std::nullopt;
  return conninfo;
}

void create_database_directory(const DatabaseUrl& url) {
  if (url.backend != Backend::kSqlite || url.target == ":memory:") return;
  const auto parent = std::filesystem::path(url.target).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
}

std::optional<DatabaseUrl> parse_database_url(std::string_view url) {
  for (std::string_view prefix : {"sqlite://", "sqlite3://", "sqlite:", "sqlite3:"}) {
    if (url.starts_with(prefix)) {
      std::string_view path = url.substr(prefix.size());
      if (path.empty()) return std::nullopt;
      return DatabaseUrl{Backend::kSqlite, std::string(path)};
    }
  }
  if (auto conninfo = postgresql_conninfo(url)) {
    return DatabaseUrl{Backend::kPostgresql, std::move(*conninfo)};
  }
  return std::nullopt;
}

Database::Database(const DatabaseUrl& url, std::size_t pool_size) : backend_(url.backend) {
  // Each ":memory:" session would be a separate empty database.
  if (url.backend == Backend::kSqlite && url.target == ":memory:") pool_size = 1;
  pool_size = std::max<std::size_t>(pool_size, 1);
  pool_ = std::make_unique<soci::connection_pool>(pool_size);
  for (std::size_t i = 0; i < pool_size; ++i) {
    soci::session& sql = pool_->at(i);
    if (url.backend == Backend::kSqlite) {
      sql.open(soci::sqlite3, sqlite_connect_string(url.target));
      configure_sqlite(sql, url.target);
    } else {
      sql.open(soci::postgresql, url.target);
      sql << "SET TIME ZONE 'UTC'";
      sql << "SET client_min_messages = WARNING";  // keep NOTICEs out of the log
    }
    count_statements(sql);
  }
}

Database::~Database() = default;

Transaction::Transaction(soci::session& sql, Backend backend) : sql_(sql) {
  if (backend == Backend::kSqlite) {
    sql_ << "BEGIN IMMEDIATE";
  } else {
    sql_.begin();
  }
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    sql_.rollback();
  } catch (const std::exception& e) {
    util::log_error(std::string("rollback failed: ") + e.what());
  }
}

void Transaction::commit() {
  sql_.commit();
  done_ = true;
}

void lock_name(soci::session& sql, Backend backend, const std::string& name) {
  if (backend != Backend::kPostgresql) return;
  // pg_advisory_xact_lock returns void, which SOCI cannot read: select a constant beside it.
  int done = 0;
  sql << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:name, 0))) AS locked",
      soci::use(name), soci::into(done);
}

const char* for_update(Backend backend) {
  return backend == Backend::kPostgresql ? " FOR UPDATE" : "";
}

}  // namespace cdscb::server::db
