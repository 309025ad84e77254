#include "db/statement_count.h"

#include <soci/soci.h>

namespace cdscb::server::db {
namespace {

thread_local long long statements = 0;

class CountingLogger : public soci::logger_impl {
 public:
  void start_query(const std::string&) override { ++statements; }

 private:
  soci::logger_impl* do_clone() const override { return new CountingLogger; }
};

}  // namespace

void count_statements(soci::session& sql) { sql.set_logger(new CountingLogger); }

long long statements_on_this_thread() { return statements; }

}  // namespace cdscb::server::db
