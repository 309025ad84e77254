// Photos: POST /api/v1/media uploads one (signed-in users), GET /media/<name> serves the stored
// files and their resized JPEG variants with year-long cache headers.
#pragma once

#include "db/database.h"
#include "http/rate_limit.h"
#include "http/router.h"
#include "integrations/media/media_store.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server {

// Each account's uploads per day (UTC): a feedback takes at most 5 photos, and a citizen sends a
// few a day; bytes are what was sent, before the photo is shrunk.
inline constexpr http::RateLimit kUploadsPerDay{"media_upload", 60, 86400,
                                                "Bạn đã tải lên quá nhiều ảnh hôm nay."};
inline constexpr http::RateLimit kUploadBytesPerDay{"media_upload_bytes", 150LL * 1024 * 1024,
                                                    86400, "Bạn đã tải lên quá nhiều ảnh hôm nay."};

struct MediaDeps {
  db::Database& database;
  accounts::Sessions sessions;  // its clock dates the uploads
  media::MediaStore store;
};

// POST /api/v1/media: body = the image bytes (≤ 10 MB, the route's own body limit) → 201
// {"media":{"id","url","content_type","width","height","bytes"}}; 401 signed out, 413
// "too_large", 415 "unsupported_media", 429 "rate_limited" past the day's quota (Retry-After). Each
// upload is recorded (who, when) in `media`. GET /media/<id>.<ext> and
// /media/<id>-w<320|480|960>.jpg → the file, immutable caching, ETag (304 on If-None-Match);
// anything else under /media/ → 404.
void register_media_routes(http::Router& router, const MediaDeps& deps);

}  // namespace cdscb::server
