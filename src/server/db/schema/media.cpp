#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// One row per stored photo (the file itself is under <data-dir>/media/), recording who uploaded
// it first; the uploader's row may go, the photo stays with feedback that shows it.
void create_media(soci::session& sql, Backend) {
  sql << "CREATE TABLE media ("
         "  id TEXT PRIMARY KEY,"
         "  content_type TEXT NOT NULL,"
         "  width INTEGER NOT NULL,"
         "  height INTEGER NOT NULL,"
         "  bytes BIGINT NOT NULL,"
         "  uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL,"
         "  created_at BIGINT NOT NULL"
         ")";
  sql << "CREATE INDEX media_uploaded_by ON media (uploaded_by)";
}

}  // namespace cdscb::server::db::schema
