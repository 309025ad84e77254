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
constexpr std::size_t kMaxImageBytes = 10 * 1024 * 1024;
constexpr int kMaxImagesPerItem = 6;
constexpr std::size_t kTitleMax = 200;
constexpr std::size_t kSummaryMax = 300;
constexpr std::size_t kGuidMax = 1000;
// An image that could not be fetched is tried again after this long.
constexpr long long kImageRetrySeconds = 24 * 3600;

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

Fetch http_fetch(std::string ca_file, integrations::AddressPolicy addresses) {
  return [ca_file = std::move(ca_file), addresses = std::move(addresses)](const std::string& url,
                                                                          std::size_t max_bytes) {
    const auto parsed = integrations::parse_http_url(url);
    if (!parsed) throw std::runtime_error("not an http(s) URL: " + url);
    integrations::HttpCall call;
    call.headers = {{"Accept", "application/rss+xml, application/atom+xml, text/xml, image/*, */*"},
                    {"User-Agent", "cdscb-server (Cong dan so Cao Bang)"}};
    call.max_reply_body = max_bytes;
    call.ca_file = ca_file;
    call.addresses = addresses;
    return integrations::http_call(*parsed, call);
  };
}

struct FeedImporter::StoredImage {
  std::string id;
  int width = 0;
  int height = 0;
};

FeedImporter::FeedImporter(db::Database& database, std::shared_ptr<Images> images, Fetch fetch,
                           accounts::Clock now)
    : database_(database),
      images_(std::move(images)),
      fetch_(std::move(fetch)),
      now_(std::move(now)) {}

void FeedImporter::import_all(const std::vector<std::string>& urls) {
  for (const std::string& url : urls) import(url);
}

std::optional<FeedImporter::StoredImage> FeedImporter::local_image(const std::string& url) {
  if (!images_) return std::nullopt;
  const long long now = accounts::unix_seconds(now_());
  {
    soci::session sql(database_.pool());
    db::NullableText media;
    int width = 0, height = 0;
    long long failed_at = 0;
    soci::indicator failed_indicator = soci::i_null;
    sql << "SELECT media_id, COALESCE(width, 0), COALESCE(height, 0), failed_at "
           "FROM news_remote_images WHERE url = :url",
        soci::use(url), soci::into(media.value, media.indicator), soci::into(width),
        soci::into(height), soci::into(failed_at, failed_indicator);
    if (sql.got_data()) {
      if (media.get() && images_->exists(media.value))
        return StoredImage{media.value, width, height};
      if (failed_indicator == soci::i_ok && failed_at > now - kImageRetrySeconds)
        return std::nullopt;
    }
  }
  std::optional<StoredImageRef> stored;
  try {
    const integrations::HttpReply reply = fetch_(url, kMaxImageBytes);
    if (reply.status == 200) stored = images_->store(reply.body);
    if (!stored)
      util::log_warn("news: image " + url + " not stored (HTTP " + std::to_string(reply.status) +
                     ")");
  } catch (const std::exception& e) {
    util::log_warn(std::string("news: image not fetched: ") + e.what());
  }
  soci::session sql(database_.pool());
  db::NullableText media(stored ? std::optional(stored->id) : std::nullopt);
  soci::indicator failed = stored ? soci::i_null : soci::i_ok;
  const int width = stored ? stored->width : 0;
  const int height = stored ? stored->height : 0;
  sql << "INSERT INTO news_remote_images (url, media_id, width, height, failed_at) "
         "VALUES (:url, :media, :width, :height, :failed) ON CONFLICT (url) DO UPDATE SET "
         "media_id = excluded.media_id, width = excluded.width, height = excluded.height, "
         "failed_at = excluded.failed_at",
      soci::use(url), soci::use(media.value, media.indicator), soci::use(width), soci::use(height),
      soci::use(now, failed);
  if (!stored) return std::nullopt;
  return StoredImage{stored->id, stored->width, stored->height};
}

void FeedImporter::localise_images(std::vector<core::Block>& body, std::string& cover_media,
                                   std::string& cover_url, const std::string& first_image) {
  std::string cover = first_image;
  int fetched = 0;
  for (core::Block& block : body) {
    if (block.type != core::Block::Type::kImage) continue;
    if (cover.empty()) cover = block.url;
    if (fetched++ >= kMaxImagesPerItem) continue;
    if (const auto local = local_image(block.url)) {
      block.url = images_->url_of(local->id);
      block.thumb_url = images_->variant_url(local->id, kBodyImageWidth);
      if (local->width > 0) block.width = local->width;
      if (local->height > 0) block.height = local->height;
    }
  }
  if (cover.empty()) return;
  if (const auto local = local_image(cover)) {
    cover_media = local->id;
  } else {
    cover_url = cover;
  }
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
      std::string cover_media, cover_url;
      const std::string first_image = resolve_url(link.value_or(url), item.image_url).value_or("");
      localise_images(article.body, cover_media, cover_url, first_image);
      article.cover_media = cover_media.empty() ? std::nullopt : std::optional(cover_media);
      article.cover_url = cover_url.empty() ? std::nullopt : std::optional(cover_url);
      article.updated_at = now;
      soci::session sql(database_.pool());
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
