#include <soci/soci.h>

#include <string>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// Feedback ("Phản ánh kiến nghị"): agencies and fields seeded from data/*.csv, the feedback rows,
// their timeline, followers, notifications and Open311 API keys. Photos are media ids (SHA-256
// hex) kept as a JSON array in TEXT: they are read and written only with their row.
void create_feedback(soci::session& sql, Backend backend) {
  const std::string id = id_column(backend);
  // edited_at is set when an admin edits the row through the API; from then on the row is no
  // longer refreshed from the CSV file at start-up (see modules/feedback/reference_data.cpp).
  sql << "CREATE TABLE agencies ("
         "  code TEXT PRIMARY KEY,"
         "  name TEXT NOT NULL,"
         "  edited_at BIGINT"
         ")";
  sql << "CREATE TABLE feedback_fields ("
         "  code TEXT PRIMARY KEY,"
         "  name TEXT NOT NULL,"
         "  agency TEXT NOT NULL REFERENCES agencies (code),"
         "  answer_days INTEGER NOT NULL,"
         "  publish_by_default INTEGER NOT NULL DEFAULT 0,"
         "  position INTEGER NOT NULL DEFAULT 0,"
         "  edited_at BIGINT"
         ")";
  sql << "CREATE TABLE feedback ("
         "  id " +
             id +
             ","
             "  user_id BIGINT NOT NULL REFERENCES users (id),"
             "  idempotency_key TEXT,"
             "  title TEXT NOT NULL,"
             "  content TEXT NOT NULL,"
             "  field TEXT NOT NULL REFERENCES feedback_fields (code),"
             "  agency TEXT NOT NULL REFERENCES agencies (code),"
             "  status TEXT NOT NULL,"
             "  lat DOUBLE PRECISION NOT NULL,"
             "  lng DOUBLE PRECISION NOT NULL,"
             "  accuracy_m DOUBLE PRECISION,"
             "  address TEXT,"
             "  commune TEXT,"
             "  photos TEXT NOT NULL DEFAULT '[]',"
             "  anonymous INTEGER NOT NULL DEFAULT 0,"
             "  published INTEGER NOT NULL DEFAULT 0,"
             "  assignee_id BIGINT REFERENCES users (id),"
             "  answer_text TEXT,"
             "  answer_photos TEXT NOT NULL DEFAULT '[]',"
             "  answer_at BIGINT,"
             "  answer_by BIGINT REFERENCES users (id),"
             "  rating_stars INTEGER,"
             "  rating_comment TEXT,"
             "  reopened INTEGER NOT NULL DEFAULT 0,"
             "  created_at BIGINT NOT NULL,"
             "  updated_at BIGINT NOT NULL,"
             "  receive_deadline BIGINT NOT NULL,"
             "  answer_deadline BIGINT NOT NULL,"
             "  UNIQUE (user_id, idempotency_key)"
             ")";
  sql << "CREATE INDEX feedback_user ON feedback (user_id, id)";
  sql << "CREATE INDEX feedback_agency ON feedback (agency, status, created_at)";
  sql << "CREATE INDEX feedback_published ON feedback (published, id)";
  // "Phản ánh tương tự" prefilters a box of ±200 m on these before measuring the distance.
  sql << "CREATE INDEX feedback_position ON feedback (lat, lng)";
  sql << "CREATE TABLE feedback_updates ("
         "  id " +
             id +
             ","
             "  feedback_id BIGINT NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,"
             "  actor_id BIGINT REFERENCES users (id),"
             "  actor_role TEXT NOT NULL,"
             "  action TEXT NOT NULL,"
             "  status TEXT NOT NULL,"
             "  note TEXT,"
             "  photos TEXT NOT NULL DEFAULT '[]',"
             "  agency TEXT,"
             "  created_at BIGINT NOT NULL"
             ")";
  sql << "CREATE INDEX feedback_updates_feedback ON feedback_updates (feedback_id, id)";
  sql << "CREATE TABLE feedback_followers ("
         "  feedback_id BIGINT NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,"
         "  user_id BIGINT NOT NULL REFERENCES users (id),"
         "  created_at BIGINT NOT NULL,"
         "  PRIMARY KEY (feedback_id, user_id)"
         ")";
  sql << "CREATE INDEX feedback_followers_user ON feedback_followers (user_id)";
  sql << "CREATE TABLE notifications ("
         "  id " +
             id +
             ","
             "  user_id BIGINT NOT NULL REFERENCES users (id),"
             "  feedback_id BIGINT REFERENCES feedback (id) ON DELETE CASCADE,"
             "  text TEXT NOT NULL,"
             "  created_at BIGINT NOT NULL,"
             "  read_at BIGINT"
             ")";
  sql << "CREATE INDEX notifications_user ON notifications (user_id, id)";
  // Keys for Open311 clients that post requests; only the SHA-256 of the key is kept.
  sql << "CREATE TABLE open311_api_keys ("
         "  id " +
             id +
             ","
             "  key_hash TEXT NOT NULL UNIQUE,"
             "  name TEXT NOT NULL,"
             "  user_id BIGINT NOT NULL REFERENCES users (id),"
             "  created_at BIGINT NOT NULL,"
             "  revoked_at BIGINT"
             ")";
}

}  // namespace cdscb::server::db::schema
