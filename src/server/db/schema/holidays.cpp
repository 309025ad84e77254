#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// Public holidays and the government's yearly day swaps, which feedback deadlines skip (see
// modules/feedback/holidays.cpp). `day` is the Vietnam calendar date "YYYY-MM-DD", so text order is
// date order. `working` = 1 marks a make-up working day on a weekend. Seeded from
// data/holidays.csv; edited_at is set when an admin adds or removes the day through the API, and
// such a row is no longer refreshed from the file. A removed day is kept with deleted_at set, so a
// restart does not bring back what an admin removed.
void create_holidays(soci::session& sql, Backend) {
  sql << "CREATE TABLE holidays ("
         "  day TEXT PRIMARY KEY,"
         "  name TEXT NOT NULL,"
         "  working INTEGER NOT NULL DEFAULT 0,"
         "  edited_at BIGINT,"
         "  deleted_at BIGINT"
         ")";
}

}  // namespace cdscb::server::db::schema
