// A fresh PostgreSQL schema for a test, on the server CDSCB_TEST_POSTGRES_URL names (e.g.
// postgresql://user:pass@127.0.0.1/db; the user must be allowed to create schemas). Dropped
// with everything in it on destruction; url() is nullopt when the variable is not set, and the
// test then skips its PostgreSQL part.
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
  // The database URL with this schema as its search path.
  const std::optional<db::DatabaseUrl>& url() const { return url_; }

 private:
  std::string name_;
  std::optional<db::DatabaseUrl> url_;
  std::unique_ptr<db::Database> admin_;
};

}  // namespace cdscb::server::testing
