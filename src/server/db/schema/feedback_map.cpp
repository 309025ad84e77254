#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// The public map (GET /api/v1/public/feedback/map) asks for the published feedback inside a
// box. Without this index a small box (one ward) is found either by walking every published row
// newest first or by the (lat, lng) index over unpublished rows too; with it, only the published
// rows of the box's latitude band are read.
void add_feedback_map_index(soci::session& sql, Backend) {
  sql << "CREATE INDEX feedback_map ON feedback (published, lat, lng, id)";
}

}  // namespace cdscb::server::db::schema
