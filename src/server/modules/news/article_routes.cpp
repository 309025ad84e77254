// What everyone reads: the list of published articles (newest first, searchable), categories and
// one article.
#include <soci/soci.h>

#include <array>
#include <charconv>

#include "core/text.h"
#include "db/like.h"
#include "http/pagination.h"
#include "modules/accounts/access.h"
#include "modules/news/articles.h"
#include "modules/news/messages.h"
#include "modules/news/policy.h"
#include "modules/news/routes.h"

namespace cdscb::server::news {
namespace {

constexpr std::size_t kMaxQueryLength = 100;  // code points
constexpr std::size_t kMaxWords = 6;
constexpr long long kEndOfTime = 253402300799;  // 9999-12-31T23:59:59Z

struct Position {
  long long published_at = kEndOfTime;
  long long id = std::numeric_limits<long long>::max();
};

// The cursor is "<published_at>_<id>" of the last item shown: opaque to clients.
std::string cursor_of(const Article& article) {
  return std::to_string(article.published_at.value_or(0)) + "_" + std::to_string(article.id);
}

std::optional<Position> parse_cursor(std::string_view text) {
  const std::size_t sep = text.find('_');
  if (sep == std::string_view::npos) return std::nullopt;
  Position position;
  const auto parse = [](std::string_view part, long long& out) {
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), out);
    return error == std::errc() && end == part.data() + part.size() && out >= 0;
  };
  if (!parse(text.substr(0, sep), position.published_at) ||
      !parse(text.substr(sep + 1), position.id)) {
    return std::nullopt;
  }
  return position;
}

// LIKE patterns for each folded word of the query ("%" matches everything for unused slots).
std::array<std::string, kMaxWords> word_patterns(std::string_view query) {
  std::array<std::string, kMaxWords> patterns;
  patterns.fill("%");
  const std::string folded = core::fold_for_search(query);
  std::size_t count = 0;
  std::size_t start = 0;
  while (start < folded.size() && count < kMaxWords) {
    std::size_t end = folded.find_first_of(" \t", start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) {
      patterns[count++] = db::like_contains(std::string_view(folded).substr(start, end - start));
    }
    start = end + 1;
  }
  return patterns;
}

http::Response list_news(const NewsDeps& deps, const http::Request& request) {
  http::FieldErrors errors;
  const std::string query(request.query_param("q").value_or(""));
  if (!core::is_valid_utf8(query) || core::count_code_points(query) > kMaxQueryLength) {
    errors.add("q", messages::kQueryTooLong);
  }
  const std::string category(request.query_param("category").value_or(""));
  if (!category.empty() && !core::find_news_category(category)) {
    errors.add("category", messages::kCategoryUnknown);
  }
  const long long limit = limit_param(request, errors);
  Position after;
  if (const auto text = request.query_param("cursor"); text && !text->empty()) {
    if (const auto position = parse_cursor(*text)) {
      after = *position;
    } else {
      errors.add("cursor", http::kCursorInvalid);
    }
  }
  errors.throw_if_any();

  const auto words = word_patterns(query);
  const int any_category = category.empty() ? 1 : 0;
  const long long fetch = limit + 1;  // one more tells whether a next page exists
  soci::session sql(deps.database.pool());
  long long id = 0;
  soci::statement statement =
      (sql.prepare << "SELECT id FROM news_articles WHERE published = 1 "
                      "AND (:any_category = 1 OR category = :category) "
                      "AND search_text LIKE :w0 ESCAPE '!' AND search_text LIKE :w1 ESCAPE '!' "
                      "AND search_text LIKE :w2 ESCAPE '!' AND search_text LIKE :w3 ESCAPE '!' "
                      "AND search_text LIKE :w4 ESCAPE '!' AND search_text LIKE :w5 ESCAPE '!' "
                      "AND (published_at < :t OR (published_at = :t2 AND id < :after_id)) "
                      "ORDER BY published_at DESC, id DESC LIMIT :fetch",
       soci::use(any_category), soci::use(category), soci::use(words[0]), soci::use(words[1]),
       soci::use(words[2]), soci::use(words[3]), soci::use(words[4]), soci::use(words[5]),
       soci::use(after.published_at), soci::use(after.published_at), soci::use(after.id),
       soci::use(fetch), soci::into(id));
  bool more = false;
  const std::vector<long long> ids = fetch_page(statement, id, limit, more);
  const long long now = now_seconds(deps);
  nlohmann::json items = nlohmann::json::array();
  std::optional<Article> last;
  for (Article& article : find_articles(sql, ids, now)) {
    items.push_back(article_json(article, deps.images.get(), false));
    last = std::move(article);
  }
  return http::Response::json(
      200, {{"items", items},
            {"next_cursor", more && last ? nlohmann::json(cursor_of(*last)) : nullptr}});
}

http::Response list_categories() {
  nlohmann::json categories = nlohmann::json::array();
  for (const auto& category : core::news_categories()) {
    categories.push_back({{"code", category.code}, {"name", category.name}});
  }
  return http::Response::json(200, {{"categories", categories}});
}

http::Response get_article(const NewsDeps& deps, const http::Request& request) {
  const long long id = path_id(request);
  soci::session sql(deps.database.pool());
  const auto article = find_article(sql, id, now_seconds(deps));
  if (!article) throw http::HttpError(404, "not_found", messages::kNotFound);
  if (!article->published) {
    // Drafts and withdrawn articles exist only for officials.
    accounts::require_visible(may_read_draft(deps.sessions.authenticate(sql, request)),
                              messages::kNotFound);
    http::Response response =
        http::Response::json(200, {{"article", article_json(*article, deps.images.get(), true)}});
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  return http::Response::json(200, {{"article", article_json(*article, deps.images.get(), true)}});
}

}  // namespace

void register_article_routes(http::Router& router, const NewsDeps& deps) {
  router.get("/api/v1/news",
             [deps](const http::Request& request) { return list_news(deps, request); });
  router.get("/api/v1/news/categories", [](const http::Request&) { return list_categories(); });
  router.get("/api/v1/news/{id}",
             [deps](const http::Request& request) { return get_article(deps, request); });
}

}  // namespace cdscb::server::news
