#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// Work that talks to outside systems (text messages, feed images, later bill providers and the
// national portal), done by the worker off the request path. status: 'pending' (waiting for
// run_after), 'running' (claimed until locked_until; a crashed process's claim lapses), 'done'
// or 'dead' (out of attempts, kept for an admin to read and retry).
void create_jobs(soci::session& sql, Backend backend) {
  sql << std::string("CREATE TABLE jobs (") + "  id " + id_column(backend) +
             ","
             "  kind TEXT NOT NULL,"
             "  payload TEXT NOT NULL,"
             "  status TEXT NOT NULL,"
             "  run_after BIGINT NOT NULL,"
             "  locked_until BIGINT,"
             "  attempts INTEGER NOT NULL DEFAULT 0,"
             "  max_attempts INTEGER NOT NULL,"
             "  last_error TEXT,"
             "  created_at BIGINT NOT NULL,"
             "  last_attempt_at BIGINT,"
             "  finished_at BIGINT"
             ")";
  // The worker's claim reads due rows by status and time; the admin list reads by status and id.
  sql << "CREATE INDEX jobs_due ON jobs (status, run_after)";
  sql << "CREATE INDEX jobs_status_id ON jobs (status, id)";
}

}  // namespace cdscb::server::db::schema
