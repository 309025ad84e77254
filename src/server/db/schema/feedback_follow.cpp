#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// The token "Phản ánh tương tự" hands out for an unpublished feedback, so that a citizen nearby
// can follow it without learning its id (see modules/feedback/follow_tokens.cpp). One per
// feedback, made the first time it is needed; a table of its own, so the feedback row and its
// writers stay as they are.
void create_feedback_follow_tokens(soci::session& sql, Backend) {
  sql << "CREATE TABLE feedback_follow_tokens ("
         "  feedback_id BIGINT PRIMARY KEY REFERENCES feedback (id) ON DELETE CASCADE,"
         "  token TEXT NOT NULL UNIQUE"
         ")";
}

}  // namespace cdscb::server::db::schema
