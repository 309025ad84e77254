// News on PostgreSQL, when CDSCB_TEST_POSTGRES_URL names a server (see db/postgresql_test.cpp);
// skipped otherwise.
#include <doctest/doctest.h>

#include "db/test_schema.h"
#include "modules/news/feed_import.h"
#include "modules/news/media_images.h"
#include "modules/news_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;

TEST_CASE("news on PostgreSQL: write, page, search, alerts and feed import") {
  const TestSchema schema;
  if (!schema.url()) return;
  {
    TempDir media_dir;
    const auto images =
        std::make_shared<news::MediaImages>(media::MediaStore(media_dir.path() / "media"));
    NewsHarness news(images, *schema.url());
    const std::string officer = news.sign_in_as("officer", "ubnd-xa-hoa-an");
    for (int i = 1; i <= 3; ++i) {
      news.clock.advance(std::chrono::minutes(1));
      news.create_article(officer, "Sạt lở số " + std::to_string(i), "Xã Hòa An, 50% đường hỏng.");
    }
    news.create_article(officer, "Bản nháp", "Chưa đăng.", false);
    const json page = body_of(news.get("/api/v1/news?limit=2&q=SAT+LO"));
    REQUIRE(page["items"].size() == 2);
    CHECK(page["items"][0]["title"] == "Sạt lở số 3");
    const json rest = body_of(
        news.get("/api/v1/news?limit=2&q=SAT+LO&cursor=" + page["next_cursor"].get<std::string>()));
    REQUIRE(rest["items"].size() == 1);
    CHECK(rest["next_cursor"].is_null());
    CHECK(body_of(news.get("/api/v1/news?q=hoa%20an%2050%25"))["items"].size() == 3);

    const auto alert = news.post("/api/v1/alerts",
                                 {{"kind", "landslide"},
                                  {"title", "Sạt lở"},
                                  {"text", "Tránh xa sườn đồi."},
                                  {"expires_at", "2025-03-04T06:00:00Z"},
                                  {"article_id", page["items"][0]["id"]}},
                                 officer);
    REQUIRE_MESSAGE(alert.status == 201, alert.body);
    CHECK(body_of(news.get("/api/v1/news?limit=1"))["items"][0]["alert"] == true);
    news.clock.advance(std::chrono::hours(1));
    CHECK(body_of(news.get("/api/v1/alerts"))["items"].empty());

    FeedServer feeds;
    news::FeedImporter importer(news.database(), images, news::http_fetch({}, loopback_allowed()),
                                news.clock.function());
    const std::string feed = feeds.serve("rss.xml", "feed.xml");
    CHECK(importer.import(feed).added == 3);
    feeds.serve("rss_updated.xml", "feed.xml");
    const auto again = importer.import(feed);
    CHECK(again.added == 1);
    CHECK(again.updated == 1);
    CHECK(importer.import(feeds.base + "/status/503").error == "HTTP 503");
    CHECK(body_of(news.get("/api/v1/news?limit=50"))["items"].size() == 7);
  }
}
