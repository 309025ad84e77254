// Photos uploaded but never used: the app uploads a photo before it sends the feedback that
// shows it, so an abandoned form leaves a photo nothing refers to. Those are deleted (row and
// files) once they are a day old; a photo that any feedback, timeline entry or news article
// refers to is never deleted. main.cpp runs the purge every kMediaPurgeInterval.
#pragma once

#include <chrono>

#include "db/database.h"
#include "integrations/media/media_store.h"

namespace cdscb::server::media {

inline constexpr auto kMediaPurgeInterval = std::chrono::hours(1);
// Time an upload has to be used, from its latest upload.
inline constexpr long long kUnreferencedMediaSeconds = 24 * 3600;

// Deletes, as of `now` (Unix seconds), the media rows older than kUnreferencedMediaSeconds that
// nothing refers to, and their files in `store`; the number of photos deleted.
long long purge_unreferenced_media(db::Database& database, const MediaStore& store, long long now);

}  // namespace cdscb::server::media
