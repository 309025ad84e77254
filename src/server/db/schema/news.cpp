#include <soci/soci.h>

#include <string>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// Articles written by officials (author_id, agency) or imported from a feed (feed_id, guid). The
// body is the safe block list as JSON; search_text is title, summary and body folded by
// core::fold_for_search, so a LIKE on it ignores diacritics and case on both backends.
void create_news(soci::session& sql, Backend backend) {
  const std::string id = id_column(backend);
  sql << "CREATE TABLE news_feeds ("
         "  id " +
             id +
             ","
             "  url TEXT NOT NULL UNIQUE,"
             "  title TEXT,"
             "  last_fetched_at BIGINT,"
             "  last_error TEXT"
             ")";
  sql << "CREATE TABLE news_articles ("
         "  id " +
             id +
             ","
             "  title TEXT NOT NULL,"
             "  summary TEXT NOT NULL,"
             "  body TEXT NOT NULL,"
             "  search_text TEXT NOT NULL,"
             "  category TEXT,"
             "  cover_media TEXT,"
             "  cover_url TEXT,"
             "  source TEXT,"
             "  url TEXT,"
             "  published INTEGER NOT NULL DEFAULT 0,"
             "  published_at BIGINT,"
             "  created_at BIGINT NOT NULL,"
             "  updated_at BIGINT NOT NULL,"
             "  author_id BIGINT REFERENCES users (id),"
             "  agency TEXT,"
             "  feed_id BIGINT REFERENCES news_feeds (id),"
             "  guid TEXT,"
             "  feed_hash TEXT,"
             "  UNIQUE (feed_id, guid)"
             ")";
  sql << "CREATE INDEX news_articles_public ON news_articles (published, published_at, id)";
  sql << "CREATE INDEX news_articles_category ON news_articles (category, published_at, id)";
  sql << "CREATE TABLE news_alerts ("
         "  id " +
             id +
             ","
             "  kind TEXT NOT NULL CHECK (kind IN ('flood', 'landslide', 'storm', 'other')),"
             "  title TEXT NOT NULL,"
             "  text TEXT NOT NULL,"
             "  starts_at BIGINT NOT NULL,"
             "  expires_at BIGINT NOT NULL,"
             "  article_id BIGINT REFERENCES news_articles (id) ON DELETE SET NULL,"
             "  created_by BIGINT REFERENCES users (id),"
             "  created_at BIGINT NOT NULL"
             ")";
  sql << "CREATE INDEX news_alerts_expiry ON news_alerts (expires_at)";
  // Remote images of feed items copied into the media store once (media_id), or that could not
  // be fetched (failed_at), so an updated item never downloads them again.
  sql << "CREATE TABLE news_remote_images ("
         "  url TEXT PRIMARY KEY,"
         "  media_id TEXT,"
         "  width INTEGER,"
         "  height INTEGER,"
         "  failed_at BIGINT"
         ")";
}

}  // namespace cdscb::server::db::schema
