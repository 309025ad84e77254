#include "app/state/news.h"

#include <cstdio>

#include "app/api/json.h"

namespace state {
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

std::vector<Span> spans_from_json(const json& j) {
  std::vector<Span> spans;
  if (!j.is_array()) return spans;
  for (const json& s : j) {
    Span span{api::str(s, "text"), api::str(s, "href"), api::boolean(s, "bold"),
              api::boolean(s, "italic")};
    // Only web links: anything else (javascript:, data:) is shown as plain text.
    if (!span.href.starts_with("https://") && !span.href.starts_with("http://")) span.href.clear();
    if (!span.text.empty()) spans.push_back(std::move(span));
  }
  return spans;
}

std::optional<Block> block_from_json(const json& j) {
  const std::string type = api::str(j, "type");
  Block block;
  if (type == "heading") {
    block.type = Block::Type::kHeading;
    block.level = api::integer(j, "level", 2) >= 3 ? 3 : 2;
    block.text = api::str(j, "text");
    if (block.text.empty()) return std::nullopt;
  } else if (type == "paragraph") {
    block.type = Block::Type::kParagraph;
    block.spans = spans_from_json(j.value("spans", json()));
    if (block.spans.empty()) return std::nullopt;
  } else if (type == "list") {
    block.type = Block::Type::kList;
    block.ordered = api::boolean(j, "ordered");
    if (auto items = j.find("items"); items != j.end() && items->is_array())
      for (const json& item : *items)
        if (auto spans = spans_from_json(item); !spans.empty()) block.items.push_back(spans);
    if (block.items.empty()) return std::nullopt;
  } else if (type == "image") {
    block.type = Block::Type::kImage;
    block.url = api::str(j, "url");
    block.thumb_url = api::str(j, "thumb_url");
    block.alt = api::str(j, "alt");
    block.width = static_cast<int>(api::integer(j, "width"));
    block.height = static_cast<int>(api::integer(j, "height"));
    if (block.url.empty() && block.thumb_url.empty()) return std::nullopt;
  } else {
    return std::nullopt;  // a kind this version does not know: skipped, the rest still shows
  }
  return block;
}

long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

struct Civil {
  long long year;
  unsigned month, day, hour, minute, second;
};

Civil civil_from_seconds(long long seconds) {
  long long days = seconds / 86400, rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<long long>(yoe) + era * 400 + (m <= 2),
          m,
          d,
          static_cast<unsigned>(rest / 3600),
          static_cast<unsigned>(rest % 3600 / 60),
          static_cast<unsigned>(rest % 60)};
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
  if (auto blocks = a->find("body"); blocks != a->end() && blocks->is_array())
    for (const json& b : *blocks)
      if (auto block = block_from_json(b)) article.body.push_back(std::move(*block));
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

std::optional<long long> parse_rfc3339(std::string_view t) {
  unsigned y, mo, d, h, mi, s;
  char tail[16] = {};
  const std::string text(t.substr(0, 40));
  if (std::sscanf(text.c_str(), "%4u-%2u-%2u%*1[Tt ]%2u:%2u:%2u%15s", &y, &mo, &d, &h, &mi, &s,
                  tail) < 6)
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return std::nullopt;
  std::string_view rest(tail);
  if (!rest.empty() && rest.front() == '.') {  // fractions of a second: ignored
    rest.remove_prefix(1);
    while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') rest.remove_prefix(1);
  }
  long long offset = 0;
  if (rest == "Z" || rest == "z") {
    offset = 0;
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    unsigned oh, om;
    if (std::sscanf(std::string(rest.substr(1)).c_str(), "%2u:%2u", &oh, &om) != 2)
      return std::nullopt;
    offset = (rest[0] == '+' ? 1 : -1) * static_cast<long long>(oh * 3600 + om * 60);
  } else {
    return std::nullopt;
  }
  return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset;
}

std::string format_rfc3339(long long seconds) {
  const Civil c = civil_from_seconds(seconds);
  char out[32];
  std::snprintf(out, sizeof out, "%04lld-%02u-%02uT%02u:%02u:%02uZ", c.year, c.month, c.day, c.hour,
                c.minute, c.second);
  return out;
}

std::string format_date_vi(std::string_view rfc3339) {
  auto seconds = parse_rfc3339(rfc3339);
  if (!seconds) return {};
  const Civil c = civil_from_seconds(*seconds + 7 * 3600);  // Giờ Việt Nam, no daylight saving
  char out[32];
  std::snprintf(out, sizeof out, "%02u/%02u/%04lld %02u:%02u", c.day, c.month, c.year, c.hour,
                c.minute);
  return out;
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

}  // namespace state
