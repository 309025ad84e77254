#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// The public cameras' registry (modules/cameras). `source_url` is where the relay fetches the
// stream (it may hold "{nvr}", filled from --camera-nvr) and never leaves the server. `status` is
// what the probe and the relay last saw ("online" or "offline"); `maintenance` and `published`
// are an admin's. `search_text` is name, place and commune name folded by core::fold_for_search,
// for ?q= as a LIKE; `sort_key` (folded commune name, name, code) orders the public list and is
// its keyset cursor, walked by the indexes below with or without the kind and commune filters.
void create_cameras(soci::session& sql, Backend) {
  sql << "CREATE TABLE cameras ("
         "  code TEXT PRIMARY KEY,"
         "  name TEXT NOT NULL,"
         "  commune TEXT NOT NULL,"
         "  place TEXT NOT NULL,"
         "  lat DOUBLE PRECISION NOT NULL,"
         "  lng DOUBLE PRECISION NOT NULL,"
         "  kind TEXT NOT NULL,"
         "  source_url TEXT NOT NULL,"
         "  status TEXT NOT NULL,"
         "  maintenance INTEGER NOT NULL,"
         "  published INTEGER NOT NULL,"
         "  last_seen BIGINT,"
         "  search_text TEXT NOT NULL,"
         "  sort_key TEXT NOT NULL,"
         "  created_at BIGINT NOT NULL,"
         "  updated_at BIGINT NOT NULL"
         ")";
  sql << "CREATE INDEX cameras_public ON cameras (published, sort_key)";
  sql << "CREATE INDEX cameras_public_kind ON cameras (published, kind, sort_key)";
  sql << "CREATE INDEX cameras_public_commune ON cameras (published, commune, sort_key)";
}

}  // namespace cdscb::server::db::schema
