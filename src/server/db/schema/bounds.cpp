#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// Bounds on what a client can grow. rate_limits: one counter per (action, account or address,
// window start), see http/rate_limit.h; no foreign key to users, so a counter never keeps an
// account from the accounts purge. The indexes serve the periodic purges of expired counters,
// old notifications and photos no row refers to.
void add_bounds(soci::session& sql, Backend) {
  sql << "CREATE TABLE rate_limits ("
         "  action TEXT NOT NULL,"
         "  subject TEXT NOT NULL,"
         "  window_start BIGINT NOT NULL,"
         "  expires_at BIGINT NOT NULL,"
         "  hits BIGINT NOT NULL,"
         "  PRIMARY KEY (action, subject, window_start)"
         ")";
  sql << "CREATE INDEX rate_limits_expiry ON rate_limits (expires_at)";
  sql << "CREATE INDEX notifications_created ON notifications (created_at)";
  sql << "CREATE INDEX media_created ON media (created_at)";
}

}  // namespace cdscb::server::db::schema
