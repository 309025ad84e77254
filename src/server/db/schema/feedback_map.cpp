#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// The public map (GET /api/v1/public/feedback/map) asks for the newest published feedback inside
// a box, in one of two ways (see modules/feedback/map_routes.cpp):
// - a small box (a ward) reads the points of its latitude band from feedback_map;
// - a wide box walks the published rows newest first until it has 500 in the box. With the
//   place and the filter columns in feedback_map_recent, that walk reads index entries only,
//   not the wide rows: with 100,000 rows, a filter matching few of them (one commune) went from
//   ~800 ms to ~5 ms of SQL.
void add_feedback_map_indexes(soci::session& sql, Backend) {
  sql << "CREATE INDEX feedback_map ON feedback (published, lat, lng, id)";
  sql << "CREATE INDEX feedback_map_recent ON feedback "
         "(published, id, lat, lng, field, status, commune)";
}

}  // namespace cdscb::server::db::schema
