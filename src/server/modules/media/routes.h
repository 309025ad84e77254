// Photos: POST /api/v1/media uploads one (signed-in users), GET /media/<name> serves the stored
// files and their resized JPEG variants with year-long cache headers.
#pragma once

#include "db/database.h"
#include "http/router.h"
#include "integrations/media/media_store.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server {

struct MediaDeps {
  db::Database& database;
  accounts::Sessions sessions;  // its clock dates the uploads
  media::MediaStore store;
};

// POST /api/v1/media: body = the image bytes (≤ 10 MB, the route's own body limit) → 201
// {"media":{"id","url","content_type","width","height","bytes"}}; 401 signed out, 413
// "too_large", 415 "unsupported_media". Each upload is recorded (who, when) in `media`.
// GET /media/<id>.<ext> and /media/<id>-w<320|480|960>.jpg → the file, immutable caching, ETag
// (304 on If-None-Match); anything else under /media/ → 404.
void register_media_routes(http::Router& router, const MediaDeps& deps);

}  // namespace cdscb::server
