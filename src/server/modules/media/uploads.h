// Who uploaded which photo. The store keeps one file per content, so the same photo uploaded by
// two accounts is one `media` row (its first uploader) and two media_uploads rows. Feedback and
// news attach a photo id only when its writer is one of its uploaders: ids are not secrets
// (they appear in public feedback), so knowing one must not let anyone reuse someone else's photo.
#pragma once

#include <string>
#include <vector>

#include "integrations/media/media_store.h"

namespace soci {
class session;
}  // namespace soci

namespace cdscb::server::media {

// Records that `user_id` uploaded `image` (the media row on first upload, the uploader always).
void record_upload(soci::session& sql, const StoredImage& image, long long user_id, long long now);

// Whether `user_id` uploaded the photo `id`.
bool uploaded_by(soci::session& sql, const std::string& id, long long user_id);
// Whether `user_id` uploaded every one of `ids`.
bool uploaded_all_by(soci::session& sql, const std::vector<std::string>& ids, long long user_id);

}  // namespace cdscb::server::media
