#include "modules/news/routes.h"

#include <soci/soci.h>

#include <charconv>

#include "http/json_body.h"
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

std::optional<long long> parse_number(std::string_view text) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

long long now_seconds(const NewsDeps& deps) {
  return accounts::unix_seconds(deps.sessions.clock()());
}

accounts::AuthUser require_official(const NewsDeps& deps, soci::session& sql,
                                    const http::Request& request) {
  accounts::AuthUser user = deps.sessions.require_user(sql, request);
  if (user.role != "officer" && user.role != "admin") {
    throw http::HttpError(403, "forbidden", messages::kForbidden);
  }
  return user;
}

long long path_id(const http::Request& request) {
  const auto value = parse_number(request.param("id").value_or(""));
  if (!value || *value < 1) throw http::HttpError(404, "not_found", messages::kNotFound);
  return *value;
}

long long limit_param(const http::Request& request, http::FieldErrors& errors) {
  const auto text = request.query_param("limit");
  if (!text || text->empty()) return kDefaultLimit;
  const auto value = parse_number(*text);
  if (!value || *value < 1) {
    errors.add("limit", messages::kLimitInvalid);
    return kDefaultLimit;
  }
  return std::min(*value, kMaxLimit);
}

}  // namespace cdscb::server::news
