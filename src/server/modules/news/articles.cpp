#include "modules/news/articles.h"

#include <soci/soci.h>

#include <chrono>
#include <map>

#include "core/news_json.h"
#include "core/text.h"
#include "db/in_list.h"
#include "db/nullable_text.h"
#include "util/time.h"

namespace cdscb::server::news {
namespace {

std::string time_text(long long seconds) {
  return util::rfc3339_utc(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

nlohmann::json cover_json(const Article& article, const Images* images) {
  if (article.cover_media && images) {
    return {{"url", images->url_of(*article.cover_media)},
            {"thumb_url", images->variant_url(*article.cover_media, kThumbWidth)}};
  }
  if (article.cover_url) return {{"url", *article.cover_url}, {"thumb_url", *article.cover_url}};
  return nullptr;
}

}  // namespace

std::vector<Article> find_articles(soci::session& sql, const std::vector<long long>& ids,
                                   long long now) {
  if (ids.empty()) return {};
  // One query for the rows and one for their alerts, whatever the number of ids (issue 14).
  std::vector<long long> values = ids;  // bound by address while the statements run
  const std::string in = db::in_placeholders(values.size());
  std::map<long long, Article> by_id;
  {
    Article a;
    std::string body;
    db::NullableText category, cover_media, cover_url, source, url, agency;
    db::Nullable<long long> published_at, author_id, feed_id;
    int published = 0;
    soci::statement statement(sql);
    for (long long& value : values) statement.exchange(soci::use(value));
    statement.exchange(soci::into(a.id));
    statement.exchange(soci::into(a.title));
    statement.exchange(soci::into(a.summary));
    statement.exchange(soci::into(body));
    statement.exchange(soci::into(category.value, category.indicator));
    statement.exchange(soci::into(cover_media.value, cover_media.indicator));
    statement.exchange(soci::into(cover_url.value, cover_url.indicator));
    statement.exchange(soci::into(source.value, source.indicator));
    statement.exchange(soci::into(url.value, url.indicator));
    statement.exchange(soci::into(published));
    statement.exchange(soci::into(published_at.value, published_at.indicator));
    statement.exchange(soci::into(a.created_at));
    statement.exchange(soci::into(a.updated_at));
    statement.exchange(soci::into(author_id.value, author_id.indicator));
    statement.exchange(soci::into(agency.value, agency.indicator));
    statement.exchange(soci::into(feed_id.value, feed_id.indicator));
    statement.alloc();
    statement.prepare(
        "SELECT id, title, summary, body, category, cover_media, cover_url, source, url, "
        "published, published_at, created_at, updated_at, author_id, agency, feed_id "
        "FROM news_articles WHERE id IN (" +
        in + ")");
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) {
      a.body = core::news_blocks_from_json(nlohmann::json::parse(body, nullptr, false));
      a.category = category.get();
      a.cover_media = cover_media.get();
      a.cover_url = cover_url.get();
      a.source = source.get();
      a.url = url.get();
      a.published = published != 0;
      a.published_at = published_at.get();
      a.author_id = author_id.get();
      a.agency = agency.get();
      a.feed_id = feed_id.get();
      a.alert = false;
      by_id[a.id] = a;
    }
  }
  if (by_id.empty()) return {};
  {
    long long article = 0;
    long long now1 = now, now2 = now;
    soci::statement statement(sql);
    for (long long& value : values) statement.exchange(soci::use(value));
    statement.exchange(soci::use(now1));
    statement.exchange(soci::use(now2));
    statement.exchange(soci::into(article));
    statement.alloc();
    statement.prepare("SELECT DISTINCT article_id FROM news_alerts WHERE article_id IN (" + in +
                      ") AND starts_at <= :now AND expires_at > :now2");
    statement.define_and_bind();
    statement.execute();
    while (statement.fetch()) {
      if (auto it = by_id.find(article); it != by_id.end()) it->second.alert = true;
    }
  }
  std::vector<Article> out;
  for (const long long id : ids) {
    if (auto it = by_id.find(id); it != by_id.end()) out.push_back(it->second);
  }
  return out;
}

std::optional<Article> find_article(soci::session& sql, long long id, long long now) {
  auto found = find_articles(sql, {id}, now);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::string search_text_of(const Article& article) {
  return core::fold_for_search(article.title + "\n" + article.summary + "\n" +
                               core::blocks_plain_text(article.body));
}

long long insert_article(soci::session& sql, const Article& a,
                         const std::optional<std::string>& guid,
                         const std::optional<std::string>& feed_hash) {
  const std::string body = core::news_blocks_json<nlohmann::json>(a.body).dump();
  const std::string search = search_text_of(a);
  db::NullableText category(a.category), cover_media(a.cover_media), cover_url(a.cover_url),
      source(a.source), url(a.url), agency(a.agency), guid_text(guid), hash(feed_hash);
  db::Nullable<long long> published_at(a.published_at), author_id(a.author_id), feed_id(a.feed_id);
  const int published = a.published ? 1 : 0;
  long long id = 0;
  sql << "INSERT INTO news_articles (title, summary, body, search_text, category, cover_media, "
         "cover_url, source, url, published, published_at, created_at, updated_at, author_id, "
         "agency, feed_id, guid, feed_hash) VALUES (:title, :summary, :body, :search, :category, "
         ":cover_media, :cover_url, :source, :url, :published, :published_at, :created_at, "
         ":updated_at, :author_id, :agency, :feed_id, :guid, :hash) RETURNING id",
      soci::use(a.title), soci::use(a.summary), soci::use(body), soci::use(search),
      soci::use(category.value, category.indicator),
      soci::use(cover_media.value, cover_media.indicator),
      soci::use(cover_url.value, cover_url.indicator), soci::use(source.value, source.indicator),
      soci::use(url.value, url.indicator), soci::use(published),
      soci::use(published_at.value, published_at.indicator), soci::use(a.created_at),
      soci::use(a.updated_at), soci::use(author_id.value, author_id.indicator),
      soci::use(agency.value, agency.indicator), soci::use(feed_id.value, feed_id.indicator),
      soci::use(guid_text.value, guid_text.indicator), soci::use(hash.value, hash.indicator),
      soci::into(id);
  return id;
}

void update_article(soci::session& sql, const Article& a,
                    const std::optional<std::string>& feed_hash) {
  const std::string body = core::news_blocks_json<nlohmann::json>(a.body).dump();
  const std::string search = search_text_of(a);
  db::NullableText category(a.category), cover_media(a.cover_media), cover_url(a.cover_url),
      source(a.source), url(a.url), hash(feed_hash);
  db::Nullable<long long> published_at(a.published_at);
  const int published = a.published ? 1 : 0;
  const int keep_hash = feed_hash ? 0 : 1;
  sql << "UPDATE news_articles SET title = :title, summary = :summary, body = :body, "
         "search_text = :search, category = :category, cover_media = :cover_media, "
         "cover_url = :cover_url, source = :source, url = :url, published = :published, "
         "published_at = :published_at, updated_at = :updated_at, "
         "feed_hash = CASE WHEN :keep_hash = 1 THEN feed_hash ELSE :hash END WHERE id = :id",
      soci::use(a.title), soci::use(a.summary), soci::use(body), soci::use(search),
      soci::use(category.value, category.indicator),
      soci::use(cover_media.value, cover_media.indicator),
      soci::use(cover_url.value, cover_url.indicator), soci::use(source.value, source.indicator),
      soci::use(url.value, url.indicator), soci::use(published),
      soci::use(published_at.value, published_at.indicator), soci::use(a.updated_at),
      soci::use(keep_hash), soci::use(hash.value, hash.indicator), soci::use(a.id);
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  if (core::count_code_points(text) <= max_chars) return std::string(text);
  std::size_t bytes = 0;
  for (std::size_t chars = 0; bytes < text.size() && chars + 1 < max_chars; ++chars) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
  }
  std::string_view cut = text.substr(0, bytes);
  if (const std::size_t space = cut.rfind(' ');
      space != std::string_view::npos && space > bytes / 2) {
    cut = cut.substr(0, space);
  }
  return std::string(cut) + "…";
}

nlohmann::json article_json(const Article& a, const Images* images, bool detail) {
  nlohmann::json category = nullptr;
  if (a.category) {
    if (const auto known = core::find_news_category(*a.category)) {
      category = {{"code", known->code}, {"name", known->name}};
    }
  }
  nlohmann::json out = {
      {"id", a.id},
      {"title", a.title},
      {"summary", a.summary},
      {"category", category},
      {"published_at", a.published_at ? nlohmann::json(time_text(*a.published_at)) : nullptr},
      {"cover", cover_json(a, images)},
      {"source", a.source ? nlohmann::json(*a.source) : nullptr},
      {"url", a.url ? nlohmann::json(*a.url) : nullptr},
      {"alert", a.alert},
      {"published", a.published},
  };
  if (detail) {
    out["body"] = core::news_blocks_json<nlohmann::json>(a.body);
    out["updated_at"] = time_text(a.updated_at);
  }
  return out;
}

}  // namespace cdscb::server::news
