// Officials write, edit, publish and withdraw articles. An officer edits the articles of their
// own agency; an admin edits any, including imported feed items (policy.h).
#include <soci/soci.h>

#include "core/text.h"
#include "http/json_body.h"
#include "http/pagination.h"
#include "modules/accounts/access.h"
#include "modules/news/articles.h"
#include "modules/news/messages.h"
#include "modules/news/policy.h"
#include "modules/news/routes.h"
#include "util/strings.h"

namespace cdscb::server::news {
namespace {

constexpr std::size_t kTitleMax = 200;
constexpr std::size_t kSummaryMax = 500;
constexpr std::size_t kTextMax = 50000;
constexpr std::size_t kDerivedSummaryMax = 200;
constexpr std::size_t kMaxBody = 256 * 1024;

// Applies the members present in `body` to `article` (all of title and text when `creating`).
void apply_input(const NewsDeps& deps, soci::session& sql, const accounts::AuthUser& user,
                 const nlohmann::json& body, bool creating, Article& article,
                 http::FieldErrors& errors) {
  const auto text_member = [&](const char* key) -> std::optional<std::string> {
    if (!creating && !body.contains(key)) return std::nullopt;
    return http::string_field(body, key, errors);
  };
  if (auto title = text_member("title")) {
    const std::string trimmed(util::trim(*title));
    if (trimmed.empty()) {
      errors.add("title", messages::kTitleRequired);
    } else if (core::count_code_points(trimmed) > kTitleMax) {
      errors.add("title", messages::kTitleTooLong);
    }
    article.title = trimmed;
  }
  if (auto text = text_member("text")) {
    if (util::trim(*text).empty()) {
      errors.add("text", messages::kTextRequired);
    } else if (core::count_code_points(*text) > kTextMax) {
      errors.add("text", messages::kTextTooLong);
    }
    article.body = core::text_to_blocks(*text);
  }
  if (auto summary = text_member("summary")) {
    const std::string trimmed(util::trim(*summary));
    if (core::count_code_points(trimmed) > kSummaryMax)
      errors.add("summary", messages::kSummaryTooLong);
    article.summary = trimmed;
  }
  if (body.contains("category")) {
    const auto& value = body["category"];
    if (value.is_null() || (value.is_string() && value.get<std::string>().empty())) {
      article.category.reset();
    } else if (value.is_string() && core::find_news_category(value.get<std::string>())) {
      article.category = value.get<std::string>();
    } else {
      errors.add("category", messages::kCategoryUnknown);
    }
  }
  if (body.contains("cover")) {
    const auto& value = body["cover"];
    if (value.is_null() || (value.is_string() && value.get<std::string>().empty())) {
      article.cover_media.reset();
      article.cover_url.reset();
    } else if (!value.is_string() || !deps.images ||
               !deps.images->exists(value.get<std::string>())) {
      errors.add("cover", messages::kCoverUnknown);
    } else if (value.get<std::string>() != article.cover_media &&
               !may_use_cover(sql, user, value.get<std::string>())) {
      // Keeping the cover an article has (e.g. a feed image) is fine; a new one is the writer's.
      errors.add("cover", messages::kCoverNotYours);
    } else {
      article.cover_media = value.get<std::string>();
      article.cover_url.reset();
    }
  }
  if (body.contains("published") && !body["published"].is_boolean()) {
    errors.add("published", messages::kPublishedNotBool);
  }
  if (article.summary.empty() && !errors.has("text")) {
    const std::string plain = core::blocks_plain_text(article.body);
    article.summary = shorten(plain.substr(0, plain.find('\n')), kDerivedSummaryMax);
  }
}

void set_published(Article& article, bool published, long long now) {
  article.published = published;
  if (published && !article.published_at) article.published_at = now;
}

http::Response article_answer(const NewsDeps& deps, soci::session& sql, long long id, int status) {
  const auto article = find_article(sql, id, now_seconds(deps));
  http::Response response =
      http::Response::json(status, {{"article", article_json(*article, deps.images.get(), true)}});
  response.headers.set("Cache-Control", "no-store");
  return response;
}

http::Response create_article(const NewsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto user = deps.sessions.require_user(sql, request);
  accounts::require(may_write(user), messages::kForbidden);
  const nlohmann::json body = http::parse_json_object(request, kMaxBody);
  http::FieldErrors errors;
  Article article;
  apply_input(deps, sql, user, body, true, article, errors);
  errors.throw_if_any();
  const long long now = now_seconds(deps);
  article.created_at = article.updated_at = now;
  article.author_id = user.id;
  article.agency = user.agency;
  set_published(article, body.value("published", false), now);
  const long long id = insert_article(sql, article);
  return article_answer(deps, sql, id, 201);
}

Article editable_article(const NewsDeps& deps, soci::session& sql, const accounts::AuthUser& user,
                         const http::Request& request) {
  accounts::require(may_write(user), messages::kForbidden);
  auto article = find_article(sql, path_id(request), now_seconds(deps));
  if (!article) throw http::HttpError(404, "not_found", messages::kNotFound);
  accounts::require(may_edit(user, *article),
                    article->feed_id ? messages::kImportedAdminOnly : messages::kOtherAgency);
  return std::move(*article);
}

http::Response edit_article(const NewsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto user = deps.sessions.require_user(sql, request);
  Article article = editable_article(deps, sql, user, request);
  const nlohmann::json body = http::parse_json_object(request, kMaxBody);
  http::FieldErrors errors;
  apply_input(deps, sql, user, body, false, article, errors);
  errors.throw_if_any();
  const long long now = now_seconds(deps);
  article.updated_at = now;
  if (body.contains("published")) set_published(article, body["published"].get<bool>(), now);
  update_article(sql, article);
  return article_answer(deps, sql, article.id, 200);
}

http::Response publish_article(const NewsDeps& deps, const http::Request& request, bool published) {
  soci::session sql(deps.database.pool());
  Article article = editable_article(deps, sql, deps.sessions.require_user(sql, request), request);
  const long long now = now_seconds(deps);
  set_published(article, published, now);
  article.updated_at = now;
  update_article(sql, article);
  return article_answer(deps, sql, article.id, 200);
}

// "o<id>": the officer list is newest-created first.
http::Response officer_list(const NewsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto user = deps.sessions.require_user(sql, request);
  accounts::require(may_write(user), messages::kForbidden);
  http::FieldErrors errors;
  const long long limit = limit_param(request, errors);
  const long long before =
      http::read_cursor(request, errors, "o", 1).value_or(std::numeric_limits<long long>::max());
  errors.throw_if_any();
  long long id = 0;
  const long long fetch = limit + 1;
  soci::statement statement =
      (sql.prepare
           << "SELECT id FROM news_articles WHERE id < :before ORDER BY id DESC LIMIT :fetch",
       soci::use(before), soci::use(fetch), soci::into(id));
  bool more = false;
  const std::vector<long long> ids = fetch_page(statement, id, limit, more);
  const long long now = now_seconds(deps);
  nlohmann::json items = nlohmann::json::array();
  for (const Article& article : find_articles(sql, ids, now)) {
    nlohmann::json item = article_json(article, deps.images.get(), false);
    item["can_edit"] = may_edit(user, article);
    item["updated_at"] = article_json(article, nullptr, true)["updated_at"];
    items.push_back(std::move(item));
  }
  std::string cursor = "o";
  if (more) cursor += std::to_string(ids.back());
  http::Response response = http::Response::json(
      200, {{"items", items}, {"next_cursor", more ? nlohmann::json(cursor) : nullptr}});
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace

void register_editor_routes(http::Router& router, const NewsDeps& deps) {
  router.post("/api/v1/news",
              [deps](const http::Request& request) { return create_article(deps, request); });
  router.patch("/api/v1/news/{id}",
               [deps](const http::Request& request) { return edit_article(deps, request); });
  router.post("/api/v1/news/{id}/publish", [deps](const http::Request& request) {
    return publish_article(deps, request, true);
  });
  router.post("/api/v1/news/{id}/unpublish", [deps](const http::Request& request) {
    return publish_article(deps, request, false);
  });
  router.get("/api/v1/officer/news",
             [deps](const http::Request& request) { return officer_list(deps, request); });
}

}  // namespace cdscb::server::news
