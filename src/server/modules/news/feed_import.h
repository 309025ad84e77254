// Imports configured RSS/Atom feeds: each new item is added once (keyed by feed and guid, else
// link), a changed item is updated, an unchanged one left alone. A broken feed (unreachable,
// HTTP error, timeout, malformed XML) is logged and recorded on its news_feeds row, and tried
// again next round; nothing here throws. Images are fetched by jobs (image_fetch.h), never by
// the import itself.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/news.h"
#include "db/database.h"
#include "jobs/jobs.h"
#include "modules/accounts/sessions.h"
#include "modules/news/fetch.h"
#include "modules/news/image_fetch.h"
#include "modules/news/images.h"

namespace cdscb::server::news {

struct ImportResult {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  std::string error;  // empty when the feed was read
};

class FeedImporter {
 public:
  // `images` may be null: images then stay remote links. Otherwise the importer registers the
  // image fetch job with `jobs` (its worker runs them), and lives as long as that worker.
  FeedImporter(db::Database& database, jobs::Jobs& jobs, std::shared_ptr<Images> images,
               Fetch fetch, accounts::Clock now);

  ImportResult import(const std::string& url);
  void import_all(const std::vector<std::string>& urls);

 private:
  db::Database& database_;
  std::unique_ptr<ImageFetcher> images_;  // null without a media store
  Fetch fetch_;
  accounts::Clock now_;
};

}  // namespace cdscb::server::news
