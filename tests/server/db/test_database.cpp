#include "db/test_database.h"

#include <doctest/doctest.h>

#include <cstdlib>

#include "db/migrations.h"

namespace cdscb::server::testing {

db::Backend test_backend() {
  const char* name = std::getenv("CDSCB_TEST_BACKEND");
  const std::string backend = name ? name : "";
  if (backend.empty() || backend == "sqlite") return db::Backend::kSqlite;
  REQUIRE_MESSAGE(backend == "postgresql",
                  "CDSCB_TEST_BACKEND is \"" << backend << "\", not sqlite or postgresql");
  return db::Backend::kPostgresql;
}

TestDatabase::TestDatabase() : TestDatabase(test_backend()) {}

TestDatabase::TestDatabase(db::Backend backend) {
  if (backend == db::Backend::kPostgresql) {
    schema_ = std::make_unique<TestSchema>();
    url_ = *schema_->url();
    url_string_ = schema_->url_string();
  } else {
    dir_ = std::make_unique<TempDir>();
    url_ = {db::Backend::kSqlite, (dir_->path() / "app.db").string()};
    url_string_ = "sqlite:" + url_.target;
  }
}

MigratedDatabase::MigratedDatabase(std::size_t pool_size)
    : database_(std::make_unique<db::Database>(place_.url(), pool_size)) {
  db::migrate(*database_);
}

}  // namespace cdscb::server::testing
