#include "modules/news/feed_import.h"

#include <soci/soci.h>

#include <algorithm>

#include "db/nullable_text.h"
#include "modules/news/articles.h"
#include "modules/news/feed_parser.h"
#include "modules/news/html_sanitizer.h"
#include "security/crypto.h"
#include "util/log.h"

namespace cdscb::server::news {
namespace {

constexpr std::size_t kMaxFeedBytes = 5 * 1024 * 1024;
constexpr std::size_t kTitleMax = 200;
constexpr std::size_t kSummaryMax = 300;
constexpr std::size_t kGuidMax = 1000;

long long ensure_feed(soci::session& sql, const std::string& url) {
  sql << "INSERT INTO news_feeds (url) VALUES (:url) ON CONFLICT (url) DO NOTHING", soci::use(url);
  long long id = 0;
  sql << "SELECT id FROM news_feeds WHERE url = :url", soci::use(url), soci::into(id);
  return id;
}

void record_result(soci::session& sql, long long feed_id, const std::string& title,
                   const std::string& error, long long now) {
  db::NullableText error_text(error.empty() ? std::nullopt : std::optional(error));
  db::NullableText title_text(title.empty() ? std::nullopt : std::optional(title));
  sql << "UPDATE news_feeds SET last_fetched_at = :now, last_error = :error, "
         "title = COALESCE(:title, title) WHERE id = :id",
      soci::use(now), soci::use(error_text.value, error_text.indicator),
      soci::use(title_text.value, title_text.indicator), soci::use(feed_id);
}

// What decides whether a stored item changed.
std::string item_hash(const FeedItem& item) {
  const std::string sep = "\x1f";
  return security::sha256_hex(item.title + sep + item.link + sep + item.summary_html + sep +
                              item.content_html + sep + std::to_string(item.published.value_or(0)) +
                              sep + std::to_string(item.updated.value_or(0)) + sep +
                              item.image_url);
}

}  // namespace

FeedImporter::FeedImporter(db::Database& database, jobs::Jobs& jobs, std::shared_ptr<Images> images,
                           Fetch fetch, accounts::Clock now)
    : database_(database),
      images_(images ? std::make_unique<ImageFetcher>(jobs, std::move(images), fetch) : nullptr),
      fetch_(std::move(fetch)),
      now_(std::move(now)) {}

void FeedImporter::import_all(const std::vector<std::string>& urls) {
  for (const std::string& url : urls) import(url);
}

ImportResult FeedImporter::import(const std::string& url) {
  ImportResult result;
  try {
    const long long now = accounts::unix_seconds(now_());
    long long feed_id = 0;
    {
      soci::session sql(database_.pool());
      feed_id = ensure_feed(sql, url);
    }
    std::optional<ParsedFeed> feed;
    try {
      const integrations::HttpReply reply = fetch_(url, kMaxFeedBytes);
      if (reply.status != 200) {
        result.error = "HTTP " + std::to_string(reply.status);
      } else {
        feed = parse_feed(reply.body, result.error);
      }
    } catch (const std::exception& e) {
      result.error = e.what();
    }
    if (!feed) {
      soci::session sql(database_.pool());
      record_result(sql, feed_id, "", result.error, now);
      util::log_warn("news feed " + url + ": " + result.error + "; tried again next round");
      return result;
    }
    for (const FeedItem& item : feed->items) {
      if (item.guid.empty() || item.guid.size() > kGuidMax) continue;
      const std::string hash = item_hash(item);
      long long existing_id = 0;
      db::NullableText stored_hash;
      {
        soci::session sql(database_.pool());
        sql << "SELECT id, feed_hash FROM news_articles WHERE feed_id = :feed AND guid = :guid",
            soci::use(feed_id), soci::use(item.guid), soci::into(existing_id),
            soci::into(stored_hash.value, stored_hash.indicator);
        if (!sql.got_data()) existing_id = 0;
      }
      if (existing_id != 0 && stored_hash.get() == hash) {
        ++result.unchanged;
        continue;
      }
      Article article;
      if (existing_id != 0) {
        soci::session sql(database_.pool());
        article = *find_article(sql, existing_id, now);
      }
      const auto link = resolve_url(url, item.link);
      const std::string& html = item.content_html.empty() ? item.summary_html : item.content_html;
      article.body = sanitize_html(html, link.value_or(url));
      const std::string summary_text =
          html_to_text(item.summary_html.empty() ? html : item.summary_html);
      article.summary = shorten(summary_text, kSummaryMax);
      if (article.body.empty() && !summary_text.empty())
        article.body = core::text_to_blocks(summary_text);
      const std::string title = item.title.empty() ? summary_text : item.title;
      article.title =
          shorten(title.empty() ? std::string("Tin không có tiêu đề") : title, kTitleMax);
      article.url = link;
      article.source = feed->title.empty() ? std::nullopt : std::optional(feed->title);
      const std::string first_image = resolve_url(link.value_or(url), item.image_url).value_or("");
      article.updated_at = now;
      soci::session sql(database_.pool());
      // One transaction: the image jobs it queues run only once the article is there to take them.
      db::Transaction transaction(sql, database_.backend());
      if (images_) {
        images_->localise(sql, {article.body, article.cover_media, article.cover_url}, first_image);
      } else {
        const std::string cover = cover_image(article.body, first_image);
        article.cover_media.reset();
        article.cover_url = cover.empty() ? std::nullopt : std::optional(cover);
      }
      if (existing_id != 0) {
        update_article(sql, article, hash);
        ++result.updated;
      } else {
        article.published = true;
        article.published_at = std::min(item.published.value_or(item.updated.value_or(now)), now);
        article.created_at = now;
        article.feed_id = feed_id;
        insert_article(sql, article, item.guid, hash);
        ++result.added;
      }
      transaction.commit();
    }
    soci::session sql(database_.pool());
    record_result(sql, feed_id, feed->title, "", now);
    util::log_info("news feed " + url + ": " + std::to_string(result.added) + " new, " +
                   std::to_string(result.updated) + " updated, " +
                   std::to_string(result.unchanged) + " unchanged");
  } catch (const std::exception& e) {
    result.error = e.what();
    util::log_error("news feed " + url + ": import failed: " + result.error);
  }
  return result;
}

}  // namespace cdscb::server::news
