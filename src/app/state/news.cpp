#include "app/state/news.h"

#include <cstdio>

#include "app/api/json.h"
#include "core/news_json.h"
#include "core/time_text.h"

namespace cdscb::app::state {
namespace {

using nlohmann::json;

// Ids are numbers today; accept strings too so the app survives a change of id type.
std::string id_of(const json& j) {
  auto it = j.is_object() ? j.find("id") : j.end();
  if (it == j.end()) return {};
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  if (it->is_string()) return it->get<std::string>();
  return {};
}

}  // namespace

std::optional<ArticleSummary> summary_from_json(const json& j) {
  ArticleSummary a;
  a.id = id_of(j);
  a.title = api::str(j, "title");
  if (a.id.empty() || a.title.empty()) return std::nullopt;
  a.summary = api::str(j, "summary");
  if (auto c = j.find("category"); c != j.end() && c->is_object()) {
    a.category_code = api::str(*c, "code");
    a.category_name = api::str(*c, "name");
  }
  a.published_at = api::str(j, "published_at");
  if (auto c = j.find("cover"); c != j.end() && c->is_object()) {
    a.cover_url = api::str(*c, "url");
    a.cover_thumb = api::str(*c, "thumb_url", a.cover_url);
  }
  a.source = api::str(j, "source");
  a.url = api::str(j, "url");
  a.alert = api::boolean(j, "alert");
  a.published = api::boolean(j, "published", !a.published_at.empty());
  return a;
}

std::optional<NewsPage> news_page_from_json(std::string_view body) {
  auto j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  auto items = j.is_object() ? j.find("items") : j.end();
  if (items == j.end() || !items->is_array()) return std::nullopt;
  NewsPage page;
  for (const json& item : *items)
    if (auto a = summary_from_json(item)) page.items.push_back(std::move(*a));
  page.next_cursor = api::str(j, "next_cursor");
  if (auto c = j.find("next_cursor"); c != j.end() && c->is_number_integer())
    page.next_cursor = std::to_string(c->get<long long>());
  return page;
}

std::optional<Article> article_from_json(std::string_view body) {
  auto j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  auto a = j.is_object() ? j.find("article") : j.end();
  if (a == j.end()) return std::nullopt;
  auto summary = summary_from_json(*a);
  if (!summary) return std::nullopt;
  Article article;
  static_cast<ArticleSummary&>(article) = std::move(*summary);
  article.updated_at = api::str(*a, "updated_at");
  if (auto blocks = a->find("body"); blocks != a->end())
    article.body = core::news_blocks_from_json(*blocks);
  return article;
}

std::vector<Category> categories_from_json(std::string_view body) {
  std::vector<Category> out;
  auto j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  auto list = j.is_object() ? j.find("categories") : j.end();
  if (list == j.end() || !list->is_array()) return out;
  for (const json& c : *list) {
    Category category{api::str(c, "code"), api::str(c, "name")};
    if (!category.code.empty() && !category.name.empty()) out.push_back(std::move(category));
  }
  return out;
}

std::string format_date_vi(std::string_view rfc3339) {
  const auto seconds = core::parse_rfc3339(rfc3339);
  return seconds ? core::vietnam_date_time_text(*seconds) : std::string();
}

std::string url_encode(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string news_path(std::string_view q, std::string_view category, std::string_view cursor,
                      int limit) {
  std::string path = "/api/v1/news?limit=" + std::to_string(limit);
  if (!q.empty()) path += "&q=" + url_encode(q);
  if (!category.empty()) path += "&category=" + url_encode(category);
  if (!cursor.empty()) path += "&cursor=" + url_encode(cursor);
  return path;
}

}  // namespace cdscb::app::state
