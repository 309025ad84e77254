#include "modules/news/image_fetch.h"

#include <soci/soci.h>

#include <stdexcept>
#include <utility>

#include "db/like.h"
#include "db/nullable_text.h"
#include "modules/news/articles.h"
#include "util/log.h"

namespace cdscb::server::news {
namespace {

constexpr std::size_t kMaxImageBytes = 10 * 1024 * 1024;

std::string url_of(const nlohmann::json& payload) {
  if (!payload.contains("url") || !payload["url"].is_string()) {
    throw jobs::PermanentFailure("no image URL in the job");
  }
  return payload["url"].get<std::string>();
}

jobs::KindOptions fetch_options(jobs::Jobs& jobs) {
  jobs::KindOptions options;
  // After 1, 2, 4, 8 and 16 minutes: a host down for half an hour ends in the dead-letter list.
  options.max_attempts = 6;
  options.first_backoff = std::chrono::seconds(60);
  options.max_backoff = std::chrono::seconds(3600);
  // The URL is marked failed, so the next article referring to it a day later queues it again.
  options.on_dead = [&jobs](soci::session& sql, const nlohmann::json& payload) {
    if (!payload.contains("url") || !payload["url"].is_string()) return;
    const std::string url = payload["url"];
    const long long now = jobs.now_seconds();
    sql << "UPDATE news_remote_images SET failed_at = :now WHERE url = :url AND media_id IS NULL",
        soci::use(now), soci::use(url);
  };
  return options;
}

// The stored copy in place of the remote `url` in `article`'s blocks and cover; true when any.
bool use_stored(const Images& images, ArticleImages article, const std::string& url,
                const StoredImageRef& stored) {
  bool changed = false;
  for (core::Block& block : article.body) {
    if (block.type != core::Block::Type::kImage || block.url != url) continue;
    block.url = images.url_of(stored.id);
    block.thumb_url = images.variant_url(stored.id, kBodyImageWidth);
    if (stored.width > 0) block.width = stored.width;
    if (stored.height > 0) block.height = stored.height;
    changed = true;
  }
  if (article.cover_url == url) {
    article.cover_media = stored.id;
    article.cover_url.reset();
    changed = true;
  }
  return changed;
}

}  // namespace

std::string cover_image(const std::vector<core::Block>& body, const std::string& first_image) {
  if (!first_image.empty()) return first_image;
  for (const core::Block& block : body) {
    if (block.type == core::Block::Type::kImage) return block.url;
  }
  return {};
}

ImageFetcher::ImageFetcher(jobs::Jobs& jobs, std::shared_ptr<Images> images, Fetch fetch)
    : jobs_(jobs), images_(std::move(images)), fetch_(std::move(fetch)) {
  jobs_.handle(
      std::string(kImageFetchJob), [this](const nlohmann::json& payload) { deliver(payload); },
      fetch_options(jobs));
}

// A URL's row in news_remote_images is in one of three states: stored (media_id), failed
// (failed_at: its job is dead) or queued (neither: a job is pending or running). A job is queued
// exactly when a row enters the queued state, so one URL has one live job.
std::optional<StoredImageRef> ImageFetcher::stored_or_queued(soci::session& sql,
                                                             const std::string& url) {
  const long long now = jobs_.now_seconds();
  const auto queue = [&] { jobs_.enqueue(sql, std::string(kImageFetchJob), {{"url", url}}); };
  soci::statement insert = (sql.prepare << "INSERT INTO news_remote_images (url) VALUES (:url) "
                                           "ON CONFLICT (url) DO NOTHING",
                            soci::use(url));
  insert.execute(true);
  if (insert.get_affected_rows() == 1) {
    queue();
    return std::nullopt;
  }
  // Locked until the commit on PostgreSQL: a job delivering this URL meanwhile either went first
  // (its copy is read here) or waits and then finds this article (deliver()).
  db::NullableText media;
  int width = 0, height = 0;
  db::Nullable<long long> failed_at;
  sql << std::string(
             "SELECT media_id, COALESCE(width, 0), COALESCE(height, 0), failed_at "
             "FROM news_remote_images WHERE url = :url") +
             db::for_update(jobs_.database().backend()),
      soci::use(url), soci::into(media.value, media.indicator), soci::into(width),
      soci::into(height), soci::into(failed_at.value, failed_at.indicator);
  if (media.get() && images_->exists(media.value))
    return StoredImageRef{media.value, width, height};
  const bool lost = media.get().has_value();  // stored once, since removed from the media store
  const bool failed_long_ago = failed_at.get() && *failed_at.get() <= now - kImageRetrySeconds;
  if (lost || failed_long_ago) {
    sql << "UPDATE news_remote_images SET media_id = NULL, failed_at = NULL WHERE url = :url",
        soci::use(url);
    queue();
  }
  return std::nullopt;
}

void ImageFetcher::localise(soci::session& sql, ArticleImages article,
                            const std::string& first_image) {
  const std::string cover = cover_image(article.body, first_image);
  int images = 0;
  for (core::Block& block : article.body) {
    if (block.type != core::Block::Type::kImage) continue;
    if (images++ >= kMaxImagesPerItem) continue;
    const std::string url = block.url;
    if (const auto stored = stored_or_queued(sql, url)) {
      use_stored(*images_, {article.body, article.cover_media, article.cover_url}, url, *stored);
    }
  }
  article.cover_media.reset();
  article.cover_url.reset();
  if (cover.empty()) return;
  article.cover_url = cover;
  if (const auto stored = stored_or_queued(sql, cover)) {
    article.cover_media = stored->id;
    article.cover_url.reset();
  }
}

void ImageFetcher::deliver(const nlohmann::json& payload) {
  const std::string url = url_of(payload);
  // The network call, with no database session held.
  const integrations::HttpReply reply = fetch_(url, kMaxImageBytes);
  if (reply.status != 200) throw std::runtime_error("HTTP " + std::to_string(reply.status));
  const auto stored = images_->store(reply.body);
  if (!stored) throw jobs::PermanentFailure("not an image the media store accepts");

  db::Database& database = jobs_.database();
  soci::session sql(database.pool());
  db::Transaction transaction(sql, database.backend());
  sql << "INSERT INTO news_remote_images (url, media_id, width, height, failed_at) "
         "VALUES (:url, :media, :width, :height, NULL) ON CONFLICT (url) DO UPDATE SET "
         "media_id = excluded.media_id, width = excluded.width, height = excluded.height, "
         "failed_at = NULL",
      soci::use(url), soci::use(stored->id), soci::use(stored->width), soci::use(stored->height);
  // Every article that still shows the remote link: as cover, or as an image block (the body is
  // JSON, where the link appears as a JSON string).
  const std::string in_body = db::like_contains(nlohmann::json(url).dump());
  std::vector<long long> ids;
  const soci::rowset<long long> rows =
      (sql.prepare << "SELECT id FROM news_articles WHERE cover_url = :url "
                      "OR body LIKE :pattern ESCAPE '!' ORDER BY id",
       soci::use(url), soci::use(in_body));
  for (const long long id : rows) ids.push_back(id);
  const long long now = jobs_.now_seconds();
  for (const long long id : ids) {
    auto article = find_article(sql, id, now);
    if (!article) continue;
    if (use_stored(*images_, {article->body, article->cover_media, article->cover_url}, url,
                   *stored)) {
      update_article(sql, *article);  // not an edit: updated_at and the feed hash stay
    }
  }
  transaction.commit();
  util::log_info("news: image " + url + " stored for " + std::to_string(ids.size()) +
                 " article(s)");
}

}  // namespace cdscb::server::news
