#include "modules/media/purge.h"

#include <soci/soci.h>

#include <string>
#include <vector>

namespace cdscb::server::media {
namespace {

// Every place a media id is kept, as a condition on `media.id`. Photo lists are JSON arrays of
// ids in TEXT, and an imported article's body holds "/media/<id>…" URLs; an id is 64 hex digits,
// so LIKE finds it without escaping. A table that starts keeping media ids adds its line here.
constexpr const char* kReferences[] = {
    "EXISTS (SELECT 1 FROM feedback r WHERE r.photos LIKE '%' || media.id || '%' "
    "OR r.answer_photos LIKE '%' || media.id || '%')",
    "EXISTS (SELECT 1 FROM feedback_updates r WHERE r.photos LIKE '%' || media.id || '%')",
    "EXISTS (SELECT 1 FROM news_articles r WHERE r.cover_media = media.id "
    "OR r.body LIKE '%' || media.id || '%')",
    "EXISTS (SELECT 1 FROM news_remote_images r WHERE r.media_id = media.id)",
    "EXISTS (SELECT 1 FROM dossiers r WHERE r.papers LIKE '%' || media.id || '%' "
    "OR r.form_values LIKE '%' || media.id || '%' OR r.result LIKE '%' || media.id || '%')",
    "EXISTS (SELECT 1 FROM citizen_papers r WHERE r.media = media.id)",
};

std::string unreferenced() {
  std::string condition;
  for (const char* reference : kReferences) condition += std::string(" AND NOT ") + reference;
  return condition;
}

}  // namespace

long long purge_unreferenced_media(db::Database& database, const MediaStore& store, long long now) {
  soci::session sql(database.pool());
  const long long cutoff = now - kUnreferencedMediaSeconds;
  const std::string condition = unreferenced();
  std::vector<std::string> candidates;
  std::string id;
  soci::statement select =
      (sql.prepare << "SELECT id FROM media WHERE created_at < :cutoff" + condition,
       soci::use(cutoff), soci::into(id));
  select.execute();
  while (select.fetch()) candidates.push_back(id);

  long long deleted = 0;
  for (const std::string& candidate : candidates) {
    // Checked again as it goes: feedback may have taken the photo since the list was read.
    soci::statement remove =
        (sql.prepare << "DELETE FROM media WHERE id = :id AND created_at < :cutoff" + condition,
         soci::use(candidate), soci::use(cutoff));
    remove.execute(true);
    if (remove.get_affected_rows() == 0) continue;
    store.remove(candidate);
    ++deleted;
  }
  return deleted;
}

}  // namespace cdscb::server::media
