// News and alerts ("Tin tức"):
//   GET    /api/v1/news?q=&category=&cursor=&limit=  → {"items":[summary…],"next_cursor"}
//   GET    /api/v1/news/categories                   → {"categories":[{"code","name"}]}
//   GET    /api/v1/news/{id}                         → {"article": summary + body, updated_at}
//   POST   /api/v1/news            (official) {title, summary, text, category, cover?, published}
//   PATCH  /api/v1/news/{id}       (official) the same fields, each optional → {"article"}
//   POST   /api/v1/news/{id}/publish | /unpublish (official)               → {"article"}
//   GET    /api/v1/officer/news?cursor=&limit= (official): drafts and published, newest first
//   GET    /api/v1/alerts                            → {"items":[alert…]} current ones, ≤ 20
//   POST   /api/v1/alerts          (official) {kind, title, text, expires_at, article_id?} → 201
//                                  (409 "too_many_alerts" while 20 are current)
//   DELETE /api/v1/alerts/{id}     (official)                                     → 204
// Feed items come in through feed_import.h.
#pragma once

#include <memory>
#include <vector>

#include "db/database.h"
#include "http/json_body.h"
#include "http/router.h"
#include "modules/accounts/sessions.h"
#include "modules/news/images.h"

namespace soci {
class session;
class statement;
}  // namespace soci

namespace cdscb::server {

struct NewsDeps {
  db::Database& database;
  accounts::Sessions sessions;           // its clock is the module's clock
  std::shared_ptr<news::Images> images;  // covers; without it, covers cannot be set
};

void register_news_routes(http::Router& router, const NewsDeps& deps);

}  // namespace cdscb::server

namespace cdscb::server::news {

void register_article_routes(http::Router& router, const NewsDeps& deps);
void register_editor_routes(http::Router& router, const NewsDeps& deps);
void register_alert_routes(http::Router& router, const NewsDeps& deps);

long long now_seconds(const NewsDeps& deps);
// The signed-in officer or admin; 401 when signed out, 403 for a citizen.
accounts::AuthUser require_official(const NewsDeps& deps, soci::session& sql,
                                    const http::Request& request);
// The {id} path parameter as a positive number, or 404.
long long path_id(const http::Request& request);
// Runs `statement` (which selects `id` into `id`, LIMIT limit + 1) and returns at most `limit`
// ids; `more` tells whether there was another.
std::vector<long long> fetch_page(soci::statement& statement, const long long& id, long long limit,
                                  bool& more);
// ?limit= (default 20, at most 50), or a field error.
long long limit_param(const http::Request& request, http::FieldErrors& errors);

}  // namespace cdscb::server::news
