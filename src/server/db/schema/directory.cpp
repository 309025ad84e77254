#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// One row per directory record (core::DirectoryRecord). Phones are kept as the digits joined by
// ";" (the CSV's own form); lat/lng are both NULL when the location is not known. `position`
// keeps the order of the CSV an office maintains; `search` is the folded text search matches.
void create_directory(soci::session& sql, Backend) {
  sql << "CREATE TABLE directory_records ("
         "  code TEXT PRIMARY KEY,"
         "  kind TEXT NOT NULL,"
         "  name TEXT NOT NULL,"
         "  address TEXT NOT NULL,"
         "  phones TEXT NOT NULL,"
         "  email TEXT NOT NULL,"
         "  website TEXT NOT NULL,"
         "  hours TEXT NOT NULL,"
         "  lat DOUBLE PRECISION,"
         "  lng DOUBLE PRECISION,"
         "  note TEXT NOT NULL,"
         "  position BIGINT NOT NULL,"
         "  updated_at BIGINT NOT NULL"
         ")";
  sql << "CREATE INDEX directory_records_position ON directory_records (position)";
}

}  // namespace cdscb::server::db::schema
