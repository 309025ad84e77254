#include "modules/news/routes.h"

#include <soci/soci.h>

#include "http/json_body.h"
#include "http/pagination.h"
#include "modules/news/messages.h"

namespace cdscb::server {

void register_news_routes(http::Router& router, const NewsDeps& deps) {
  news::register_article_routes(router, deps);
  news::register_editor_routes(router, deps);
  news::register_alert_routes(router, deps);
}

}  // namespace cdscb::server

namespace cdscb::server::news {
namespace {

constexpr long long kDefaultLimit = 20;
constexpr long long kMaxLimit = 50;

}  // namespace

long long now_seconds(const NewsDeps& deps) {
  return accounts::unix_seconds(deps.sessions.clock()());
}

long long path_id(const http::Request& request) {
  const auto value = http::parse_integer(request.param("id").value_or(""));
  if (!value || *value < 1) throw http::HttpError(404, "not_found", messages::kNotFound);
  return *value;
}

std::vector<long long> fetch_page(soci::statement& statement, const long long& id, long long limit,
                                  bool& more) {
  std::vector<long long> ids;
  statement.execute();
  while (statement.fetch()) ids.push_back(id);
  more = static_cast<long long>(ids.size()) > limit;
  if (more) ids.pop_back();
  return ids;
}

long long limit_param(const http::Request& request, http::FieldErrors& errors) {
  return http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
}

}  // namespace cdscb::server::news
