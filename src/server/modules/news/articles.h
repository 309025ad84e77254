// News articles in the database: the row, reading and writing it, and its JSON for the API.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/news.h"
#include "modules/news/images.h"

namespace soci {
class session;
}

namespace cdscb::server::news {

struct Article {
  long long id = 0;
  std::string title;
  std::string summary;
  std::vector<core::Block> body;
  std::optional<std::string> category;
  std::optional<std::string> cover_media;  // media store id
  std::optional<std::string> cover_url;    // a remote http(s) image, when it could not be fetched
  std::optional<std::string> source;       // the feed's title for imported items
  std::optional<std::string> url;          // the original page of an imported item
  bool published = false;
  std::optional<long long> published_at;
  long long created_at = 0;
  long long updated_at = 0;
  std::optional<long long> author_id;
  std::optional<std::string> agency;
  std::optional<long long> feed_id;
  bool alert = false;  // a current alert points to it (filled by find_article)
};

// The article with `id`, with `alert` as of `now`; nullopt when there is none.
// The articles of `ids` that exist, in that order, in two queries (a list's page).
std::vector<Article> find_articles(soci::session& sql, const std::vector<long long>& ids,
                                   long long now);
std::optional<Article> find_article(soci::session& sql, long long id, long long now);

// Inserts (article.id ignored) and returns the new id; imported items also pass guid and hash.
long long insert_article(soci::session& sql, const Article& article,
                         const std::optional<std::string>& guid = std::nullopt,
                         const std::optional<std::string>& feed_hash = std::nullopt);
// Writes every editable column of an existing article (and the feed hash when given).
void update_article(soci::session& sql, const Article& article,
                    const std::optional<std::string>& feed_hash = std::nullopt);

// Title, summary and body text folded for search.
std::string search_text_of(const Article& article);

// `text` cut to at most `max_chars` code points at a space, with "…" when cut.
std::string shorten(std::string_view text, std::size_t max_chars);

// The contract's article summary; `detail` adds "body" and "updated_at".
nlohmann::json article_json(const Article& article, const Images* images, bool detail);

}  // namespace cdscb::server::news
