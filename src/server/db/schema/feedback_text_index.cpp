#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// The public list's ?q= read every published row (LIKE '%…%' on feedback.search_text cannot use a
// B-tree index): 6 requests a second with 100,000 rows for a word that matches nothing. Both
// databases now index the folded text by its trigrams (three-character pieces), so a search reads
// only the rows holding every trigram of the query; queries shorter than three characters still
// scan (modules/feedback/list_routes.cpp).
// - SQLite: an FTS5 table with the trigram tokenizer (SQLite ≥ 3.34; Debian's is 3.40) over
//   feedback.search_text as external content, kept in step by triggers (every write path sets
//   search_text, and rows put in by plain SQL are folded at start by an UPDATE, which the update
//   trigger sees); 'rebuild' indexes the rows already there.
// - PostgreSQL: pg_trgm (a trusted extension since 13: the database's owner may create it) and a
//   GIN index on the same column, which LIKE uses by itself.
void add_feedback_text_index(soci::session& sql, Backend backend) {
  if (backend == Backend::kPostgresql) {
    sql << "CREATE EXTENSION IF NOT EXISTS pg_trgm";
    sql << "CREATE INDEX feedback_search_trigrams ON feedback USING gin (search_text "
           "gin_trgm_ops)";
    return;
  }
  sql << "CREATE VIRTUAL TABLE feedback_text USING fts5(search_text, content='feedback', "
         "content_rowid='id', tokenize='trigram')";
  sql << "CREATE TRIGGER feedback_text_insert AFTER INSERT ON feedback BEGIN "
         "INSERT INTO feedback_text (rowid, search_text) VALUES (new.id, new.search_text); END";
  sql << "CREATE TRIGGER feedback_text_delete AFTER DELETE ON feedback BEGIN "
         "INSERT INTO feedback_text (feedback_text, rowid, search_text) "
         "VALUES ('delete', old.id, old.search_text); END";
  sql << "CREATE TRIGGER feedback_text_update AFTER UPDATE OF search_text ON feedback BEGIN "
         "INSERT INTO feedback_text (feedback_text, rowid, search_text) "
         "VALUES ('delete', old.id, old.search_text); "
         "INSERT INTO feedback_text (rowid, search_text) VALUES (new.id, new.search_text); END";
  sql << "INSERT INTO feedback_text (feedback_text) VALUES ('rebuild')";
}

}  // namespace cdscb::server::db::schema
