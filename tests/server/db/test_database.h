// Where a server test's fresh database lives, on the backend the whole run is for:
// CDSCB_TEST_BACKEND=sqlite (the default) or postgresql. CTest runs server_tests once each way
// (tests/server/CMakeLists.txt), so every test that takes its database from here runs on both.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "db/database.h"
#include "db/test_schema.h"
#include "test_support.h"

namespace cdscb::server::testing {

// The backend of this run; an unknown CDSCB_TEST_BACKEND fails the test.
db::Backend test_backend();

// A fresh, empty database: a SQLite file in a temporary directory, or a fresh PostgreSQL schema
// (TestSchema). Removed on destruction; close its connections first.
class TestDatabase {
 public:
  TestDatabase();
  explicit TestDatabase(db::Backend backend);
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  db::Backend backend() const { return url_.backend; }
  const db::DatabaseUrl& url() const { return url_; }
  // As --db and DATABASE_URL take it: "sqlite:PATH" or "postgresql://…".
  const std::string& url_string() const { return url_string_; }

 private:
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<TestSchema> schema_;
  db::DatabaseUrl url_;
  std::string url_string_;
};

// A TestDatabase, open and migrated: for tests that need nothing but the database.
class MigratedDatabase {
 public:
  explicit MigratedDatabase(std::size_t pool_size = 2);
  db::Database& database() { return *database_; }
  const TestDatabase& place() const { return place_; }

 private:
  TestDatabase place_;
  std::unique_ptr<db::Database> database_;
};

}  // namespace cdscb::server::testing
