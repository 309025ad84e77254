// Imports configured RSS/Atom feeds: each new item is added once (keyed by feed and guid, else
// link), a changed item is updated, an unchanged one left alone. A broken feed (unreachable,
// HTTP error, timeout, malformed XML) is logged and recorded on its news_feeds row, and tried
// again next round; nothing here throws.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/news.h"
#include "db/database.h"
#include "integrations/http_client.h"
#include "modules/accounts/sessions.h"
#include "modules/news/images.h"

namespace cdscb::server::news {

// GETs `url`; throws std::runtime_error when it cannot.
using Fetch = std::function<integrations::HttpReply(const std::string& url, std::size_t max_bytes)>;
// The server's HTTP client over http or https (10 s timeouts; certificates checked against the
// system store or `ca_file`; public addresses only, besides those in `addresses`).
Fetch http_fetch(std::string ca_file = {}, integrations::AddressPolicy addresses = {});

struct ImportResult {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  std::string error;  // empty when the feed was read
};

class FeedImporter {
 public:
  // `images` may be null: images then stay remote links.
  FeedImporter(db::Database& database, std::shared_ptr<Images> images, Fetch fetch,
               accounts::Clock now);

  ImportResult import(const std::string& url);
  void import_all(const std::vector<std::string>& urls);

 private:
  struct StoredImage;
  std::optional<StoredImage> local_image(const std::string& url);
  void localise_images(std::vector<core::Block>& body, std::string& cover_media,
                       std::string& cover_url, const std::string& first_image);

  db::Database& database_;
  std::shared_ptr<Images> images_;
  Fetch fetch_;
  accounts::Clock now_;
};

}  // namespace cdscb::server::news
