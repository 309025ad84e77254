#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// search_text is title, content and address folded by core::fold_for_search (no diacritics, lower
// case), so the public list's ?q= is a LIKE in SQL on both backends. It is written with the row;
// NULL marks rows not folded yet (those before this migration, or put in by plain SQL such as
// tests/load/feedback_seed.sql), which the server folds at start (modules/feedback/search.cpp).
//
// Indexes, measured with 100,000 rows (scripts/bench) and checked with EXPLAIN QUERY PLAN:
// - the public list filtered by field, status or commune walks (published, <filter>, id) newest
//   first instead of every published row;
// - the officer queue walks an agency's (or, for admins, all) feedback oldest first from an index
//   that holds every column its order reads, one tier (overdue, new, the rest) after another,
//   instead of sorting every row (modules/feedback/official_routes.cpp).
void add_feedback_search(soci::session& sql, Backend) {
  sql << "ALTER TABLE feedback ADD COLUMN search_text TEXT";
  sql << "CREATE INDEX feedback_search_pending ON feedback (id) WHERE search_text IS NULL";
  sql << "CREATE INDEX feedback_public_field ON feedback (published, field, id)";
  sql << "CREATE INDEX feedback_public_status ON feedback (published, status, id)";
  sql << "CREATE INDEX feedback_public_commune ON feedback (published, commune, id)";
  sql << "CREATE INDEX feedback_queue_all ON feedback "
         "(created_at, id, status, receive_deadline, answer_deadline)";
  sql << "CREATE INDEX feedback_queue_agency ON feedback "
         "(agency, created_at, id, status, receive_deadline, answer_deadline)";
}

}  // namespace cdscb::server::db::schema
