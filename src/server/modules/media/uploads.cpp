#include "modules/media/uploads.h"

#include <soci/soci.h>

#include <algorithm>

namespace cdscb::server::media {

void record_upload(soci::session& sql, const StoredImage& image, long long user_id, long long now) {
  // The first uploader stays the media row's; every uploader gets a media_uploads row. Another
  // upload of the same photo restarts the day it has to be used before the purge takes it
  // (modules/media/purge.h).
  const long long bytes = static_cast<long long>(image.bytes);
  sql << "INSERT INTO media (id, content_type, width, height, bytes, uploaded_by, created_at) "
         "VALUES (:id, :content_type, :width, :height, :bytes, :uploaded_by, :created_at) "
         "ON CONFLICT (id) DO UPDATE SET created_at = excluded.created_at",
      soci::use(image.id), soci::use(image.content_type), soci::use(image.width),
      soci::use(image.height), soci::use(bytes), soci::use(user_id), soci::use(now);
  sql << "INSERT INTO media_uploads (media_id, user_id, created_at) "
         "VALUES (:id, :user_id, :created_at) ON CONFLICT (media_id, user_id) DO NOTHING",
      soci::use(image.id), soci::use(user_id), soci::use(now);
}

bool uploaded_by(soci::session& sql, const std::string& id, long long user_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM media_uploads WHERE media_id = :id AND user_id = :user_id",
      soci::use(id), soci::use(user_id), soci::into(count);
  return count > 0;
}

bool uploaded_all_by(soci::session& sql, const std::vector<std::string>& ids, long long user_id) {
  return std::all_of(ids.begin(), ids.end(),
                     [&](const std::string& id) { return uploaded_by(sql, id, user_id); });
}

}  // namespace cdscb::server::media
