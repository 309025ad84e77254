// The government directory ("Chính quyền"): provincial bodies, communes and wards, the police and
// the national emergency numbers.
//   GET    /api/v1/directory?q=&kind=&near=lat,lng&cursor=&limit=
//          → {"emergency":[{"number","name"}],"items":[record + "distance_m"?],"next_cursor"}
//   GET    /api/v1/directory/{code}          → {"item": record} | 404
// Admins only:
//   PUT    /api/v1/admin/directory/{code}    record fields → 201 | 200 {"item"} | 422
//   DELETE /api/v1/admin/directory/{code}    → 204 | 404
//   GET    /api/v1/admin/directory.csv       → text/csv (UTF-8 with BOM), the whole directory
//   POST   /api/v1/admin/directory.csv       the CSV as the body (or {"csv": text})
//          → 200 {"created","updated","unchanged","deleted","total"}
//          | 422
//          {"error":{"code":"csv_invalid","message","fields":{},"lines":[{"line","message"}]}} and
//          nothing changed.
// A record: {"code","kind","name","address","phones":[digits],"email","website","hours",
//            "location":{"lat","lng"}|null,"note"}.
#pragma once


#include "db/database.h"
#include "http/router.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server {

struct DirectoryDeps {
  db::Database& database;
  accounts::Sessions sessions;  // its clock is the module's clock
};

void register_directory_routes(http::Router& router, const DirectoryDeps& deps);

namespace directory {
void register_admin_routes(http::Router& router, const DirectoryDeps& deps);
long long now_seconds(const DirectoryDeps& deps);
}  // namespace directory

}  // namespace cdscb::server
