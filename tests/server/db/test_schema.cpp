#include "db/test_schema.h"

#include <doctest/doctest.h>
#include <soci/soci.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>

namespace cdscb::server::testing {
namespace {
std::atomic<int> counter{0};
}  // namespace

TestSchema::TestSchema() {
  const char* base_url = std::getenv("CDSCB_TEST_POSTGRES_URL");
  REQUIRE_MESSAGE((base_url && *base_url),
                  "CDSCB_TEST_POSTGRES_URL is not set: run the tests through ctest, or start a "
                  "server with scripts/pg-throwaway");
  name_ = "cdscb_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  const std::string separator = std::string(base_url).find('?') == std::string::npos ? "?" : "&";
  url_string_ = base_url + separator + "options=-csearch_path%3D" + name_;
  const auto admin_url = db::parse_database_url(base_url);
  url_ = db::parse_database_url(url_string_);
  REQUIRE(admin_url);
  REQUIRE(url_);
  admin_ = std::make_unique<db::Database>(*admin_url, 1);
  soci::session sql(admin_->pool());
  sql << "CREATE SCHEMA " + name_;
}

TestSchema::~TestSchema() {
  if (!admin_) return;
  soci::session sql(admin_->pool());
  sql << "DROP SCHEMA " + name_ + " CASCADE";
}

}  // namespace cdscb::server::testing
