// Feed images through the jobs queue (jobs/jobs.h), so a slow or failing image host never holds
// up an import: the import writes an article with the images already in the media store and
// queues one fetch job per image that is not (once per URL, in the article's transaction). Until
// the job delivers, the article keeps the feed's remote link (which the app's content policy does
// not load: it shows the image's caption) or the feed's cover link; the job stores the image and
// puts the local copy into every article that refers to it. A failing host is retried with the
// queue's backoff; out of attempts the job is dead, listed for the admin at /api/v1/admin/jobs,
// and an article imported after kImageRetrySeconds queues the image again.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/news.h"
#include "db/database.h"
#include "jobs/jobs.h"
#include "modules/news/fetch.h"
#include "modules/news/images.h"

namespace cdscb::server::news {

inline constexpr std::string_view kImageFetchJob = "news.image_fetch";
// Images of one item that are made local (and fetched); further ones stay remote links.
inline constexpr int kMaxImagesPerItem = 6;
// A dead image (out of attempts) is queued again by an article imported this long after.
inline constexpr long long kImageRetrySeconds = 24 * 3600;

// An article's images: the body's image blocks and the cover (a media id, else a remote link).
struct ArticleImages {
  std::vector<core::Block>& body;
  std::optional<std::string>& cover_media;
  std::optional<std::string>& cover_url;
};

// The cover of an imported item: the feed's own image (`first_image`), else its first image block.
std::string cover_image(const std::vector<core::Block>& body, const std::string& first_image);

class ImageFetcher {
 public:
  // Registers the kImageFetchJob handler with `jobs`; lives as long as the jobs worker runs.
  ImageFetcher(jobs::Jobs& jobs, std::shared_ptr<Images> images, Fetch fetch);
  ImageFetcher(const ImageFetcher&) = delete;
  ImageFetcher& operator=(const ImageFetcher&) = delete;

  // Inside the caller's db::Transaction, before it writes the article: the first
  // kMaxImagesPerItem image blocks and the cover (`first_image`, else the first image block)
  // point at their stored copy where there is one; a fetch is queued for each other one. No
  // network call: the jobs run after the commit, on the worker.
  void localise(soci::session& sql, ArticleImages article, const std::string& first_image);

 private:
  std::optional<StoredImageRef> stored_or_queued(soci::session& sql, const std::string& url);
  void deliver(const nlohmann::json& payload);

  jobs::Jobs& jobs_;
  std::shared_ptr<Images> images_;
  Fetch fetch_;
};

}  // namespace cdscb::server::news
