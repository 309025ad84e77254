// A fresh PostgreSQL schema for a test, on the server CDSCB_TEST_POSTGRES_URL names (e.g.
// postgresql://user@127.0.0.1:PORT/postgres; the user must be allowed to create schemas). Under
// CTest that is the throwaway cluster of scripts/pg-throwaway. Dropped with everything in it on
// destruction. Without the variable the test fails: a PostgreSQL test never passes untried.
// Most tests want a TestDatabase (db/test_database.h), which picks the backend.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "db/database.h"

namespace cdscb::server::testing {

class TestSchema {
 public:
  TestSchema();
  ~TestSchema();
  TestSchema(const TestSchema&) = delete;
  TestSchema& operator=(const TestSchema&) = delete;
  // The database URL with this schema as its search path (always set).
  const std::optional<db::DatabaseUrl>& url() const { return url_; }
  // The same as --db and DATABASE_URL take it: "postgresql://…?options=-csearch_path%3D…".
  const std::string& url_string() const { return url_string_; }

 private:
  std::string name_;
  std::string url_string_;
  std::optional<db::DatabaseUrl> url_;
  std::unique_ptr<db::Database> admin_;
};

}  // namespace cdscb::server::testing
