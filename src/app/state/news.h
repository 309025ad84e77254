#pragma once
// News articles as the news API returns them (modules/news/routes.h on the server), read
// defensively, and the small helpers the news screens share: Vietnamese dates and the list's query
// string.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/news.h"

namespace cdscb::app::state {

// The body's blocks are core's (core/news.h), read by core/news_json.h as the server writes them.
using Span = core::Span;
using Block = core::Block;

struct ArticleSummary {
  std::string id;
  std::string title;
  std::string summary;
  std::string category_code, category_name;
  std::string published_at;  // RFC 3339; empty for a draft
  std::string cover_url, cover_thumb;
  std::string source;
  std::string url;  // the original page of an imported item
  bool alert = false;
  bool published = true;  // officials' lists also show drafts
};

struct Article : ArticleSummary {
  std::vector<Block> body;
  std::string updated_at;
};

struct NewsPage {
  std::vector<ArticleSummary> items;
  std::string next_cursor;  // empty at the end
};

struct Category {
  std::string code, name;
};

std::optional<ArticleSummary> summary_from_json(const nlohmann::json& j);
// {"items":[…],"next_cursor":…}
std::optional<NewsPage> news_page_from_json(std::string_view body);
// {"article":{…}}
std::optional<Article> article_from_json(std::string_view body);
// {"categories":[{"code","name"}]}
std::vector<Category> categories_from_json(std::string_view body);

// "26/11/2026 15:30" in Vietnam's time (UTC+7); empty when unreadable.
std::string format_date_vi(std::string_view rfc3339);
// Percent-encodes a query parameter value (UTF-8 bytes).
std::string url_encode(std::string_view value);
// "/api/v1/news?q=…&category=…&cursor=…&limit=…" leaving out empty parts.
std::string news_path(std::string_view q, std::string_view category, std::string_view cursor,
                      int limit);

}  // namespace cdscb::app::state
