// The province's public cameras ("Camera"): listed by area, watched live through this server's
// relay, with a small snapshot each. Public routes need no login:
//   GET   /api/v1/cameras?q=&kind=&commune=&near=LAT,LNG&limit=&cursor=
//         → {"items":[camera + "distance_m"?],"next_cursor"}; q folds diacritics over name, place
//         and commune name; near orders by distance; otherwise by commune name, then name.
//   GET   /api/v1/cameras/{code}                → camera | 404 (unknown or hidden)
//   GET   /api/v1/cameras/{code}/live/{file}    the relayed HLS: master.m3u8, a rendition's
//         playlist (Cache-Control: no-cache), a segment (public, max-age=60, immutable);
//         503 + Retry-After while the camera is down (JSON camera_maintenance in maintenance),
//         502 when it sends garbage, 404 for a file it does not have.
//   GET   /api/v1/cameras/{code}/snapshot.jpg   → image/jpeg ≤ 640 px wide with ETag (304 on
//         If-None-Match) | 404 unknown | 503 + Retry-After none yet
// Admins only:
//   GET   /api/v1/admin/cameras                 → {"items":[camera + source_url, published,
//         maintenance, source_status, last_seen, viewers]}, hidden ones too
//   POST  /api/v1/admin/cameras                 {code, name, commune, place, lat, lng, kind,
//         source_url, published?, maintenance?} → 201 {"item"} | 409 | 422
//   PATCH /api/v1/admin/cameras/{code}          any of those but code → 200 {"item"} | 404 | 422
// A camera: {"code","name","commune","commune_name","place","lat","lng","kind","status"
// (online|offline|maintenance),"snapshot","live"}; its source URL is never in a public answer.
#pragma once

#include <memory>

#include "db/database.h"
#include "http/router.h"
#include "modules/accounts/sessions.h"
#include "modules/cameras/relay.h"
#include "modules/cameras/snapshots.h"

namespace cdscb::server {

struct CamerasDeps {
  db::Database& database;
  accounts::Sessions sessions;
  std::shared_ptr<cameras::Relay> relay;
  std::shared_ptr<cameras::Snapshots> snapshots;
};

void register_cameras_routes(http::Router& router, const CamerasDeps& deps);

namespace cameras {
void register_live_routes(http::Router& router, const CamerasDeps& deps);
void register_admin_routes(http::Router& router, const CamerasDeps& deps);

// A published camera for the live and snapshot routes, through the relay's short cache of
// registry rows (the session is released before returning); 404 when unknown or hidden.
Camera published_camera(const CamerasDeps& deps, const std::string& code);

// Writes `up` as the camera's status when it differs from what the relay last recorded.
void record_status(const CamerasDeps& deps, const std::string& code, bool up);

// The periodic tasks (modules.cpp): probe every published camera's source and record its
// status; take the snapshots someone is waiting for.
void probe_cameras(const CamerasDeps& deps);
void refresh_snapshots(const CamerasDeps& deps);
}  // namespace cameras

}  // namespace cdscb::server
