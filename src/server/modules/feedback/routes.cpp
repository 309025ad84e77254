#include "modules/feedback/routes.h"

#include <soci/soci.h>

#include "modules/feedback/handlers.h"
#include "modules/feedback/reference_data.h"
#include "util/log.h"

namespace cdscb::server {

void load_feedback_reference_data(db::Database& database, const std::filesystem::path& data_dir) {
  soci::session sql(database.pool());
  db::Transaction transaction(sql, database.backend());
  feedback::load_reference_data(sql, data_dir);
  transaction.commit();
}

void fill_feedback_search_text(db::Database& database) {
  const long long filled = feedback::fill_search_text(database);
  if (filled > 0)
    util::log_info("feedback search text folded for " + std::to_string(filled) + " rows");
}

FeedbackPhotos feedback_photos(std::shared_ptr<const media::MediaStore> store) {
  return {.exists = [store](std::string_view id) { return store->exists(id); },
          .url = [store](std::string_view id) { return store->url_of(id); },
          .thumb_url = [store](std::string_view id) { return store->variant_url(id, 480); }};
}

void register_feedback_routes(http::Router& router, const FeedbackDeps& deps) {
  feedback::register_citizen_routes(router, deps);
  feedback::register_author_routes(router, deps);
  feedback::register_follow_routes(router, deps);
  feedback::register_official_routes(router, deps);
  feedback::register_list_routes(router, deps);
  feedback::register_map_routes(router, deps);
  feedback::register_admin_field_routes(router, deps);
}

}  // namespace cdscb::server
