#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// What the policies need to know about records. media_uploads: every account that uploaded a
// photo (the store keeps one file per content, so two people can upload the same photo and each
// may attach it); a feedback or article may only attach photos its writer uploaded.
// news_alerts.agency: the agency of the official who raised the alert; only its officials and
// admins may take it down.
void add_record_owners(soci::session& sql, Backend) {
  sql << "CREATE TABLE media_uploads ("
         "  media_id TEXT NOT NULL REFERENCES media (id) ON DELETE CASCADE,"
         "  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
         "  created_at BIGINT NOT NULL,"
         "  PRIMARY KEY (media_id, user_id)"
         ")";
  sql << "INSERT INTO media_uploads (media_id, user_id, created_at) "
         "SELECT id, uploaded_by, created_at FROM media WHERE uploaded_by IS NOT NULL";
  sql << "ALTER TABLE news_alerts ADD COLUMN agency TEXT";
  sql << "UPDATE news_alerts SET agency = "
         "(SELECT agency FROM users WHERE users.id = news_alerts.created_by)";
}

}  // namespace cdscb::server::db::schema
