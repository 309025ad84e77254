// Feed import against real files served over HTTP by the sandbox news server (node), with the real
// HTTP client, sanitiser, media store and SQLite.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "config.h"
#include "integrations/http_client.h"
#include "integrations/media_test_support.h"
#include "modules/news/feed_import.h"
#include "modules/news/media_images.h"
#include "modules/news/news_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;

namespace {

struct ImportSetup {
  TempDir media_dir;
  std::shared_ptr<news::Images> images =
      std::make_shared<news::MediaImages>(media::MediaStore(media_dir.path() / "media"));
  NewsHarness news{images};
  std::vector<std::string> fetched;  // every URL the importer and its image jobs asked for
  news::FeedImporter importer{news.database(), news.jobs(), images,
                              [this, fetch = news::http_fetch({}, loopback_allowed())](
                                  const std::string& url, std::size_t max_bytes) {
                                fetched.push_back(url);
                                return fetch(url, max_bytes);
                              },
                              news.clock.function()};
};

json list(NewsHarness& news, const std::string& query = "") {
  return body_of(news.get("/api/v1/news" + query))["items"];
}

int count(NewsHarness& news, const std::string& sql_text) {
  soci::session sql(news.database().pool());
  int n = -1;
  sql << sql_text, soci::into(n);
  return n;
}

// Serves a feed of one item, `guid`, whose image is the missing khong-co.png; returns its URL.
std::string one_item_feed(FeedServer& server, const std::string& guid) {
  write_file(server.dir.path() / "one.xml",
             "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Một tin</title><item>"
             "<title>Tin " +
                 guid + "</title><guid>" + guid +
                 "</guid><description>Nội dung.</description><enclosure url=\"" + server.base +
                 "/files/khong-co.png\" type=\"image/png\" length=\"0\"/></item></channel></rss>");
  return server.base + "/files/one.xml";
}

}  // namespace

TEST_CASE("an RSS feed is imported once: sanitised bodies, covers in the media store") {
  FeedServer server;
  ImportSetup setup;
  const std::string url = server.serve("rss.xml", "feed.xml");
  const auto first = setup.importer.import(url);
  CHECK(first.error.empty());
  CHECK(first.added == 3);
  CHECK(setup.news.jobs().run_due() == 3);  // the image fetches (see the next test)

  const json items = list(setup.news);
  REQUIRE(items.size() == 3);
  // Newest first, by the items' dates.
  CHECK(items[0]["title"] == "Cảnh báo sạt lở đất tại xã Hòa An");
  CHECK(items[0]["published_at"] == "2025-03-03T01:00:00Z");
  CHECK(items[0]["source"] == "Cổng TTĐT tỉnh (thử nghiệm)");
  CHECK(items[0]["url"] == server.base + "/tin/1.html");
  CHECK(items[0]["summary"] == "Mưa lớn gây nguy cơ sạt lở.");
  const std::string cover = items[0]["cover"]["url"];
  CHECK(cover.starts_with("/media/"));
  CHECK(items[0]["cover"]["thumb_url"].get<std::string>().ends_with("-w480.jpg"));
  // The image that could not be fetched stays a remote link (its job is retried).
  CHECK(items[1]["cover"]["url"] == server.base + "/files/khong-co.png");
  CHECK(items[2]["title"] == "Tin không có guid");
  CHECK(items[2]["summary"] == "Nội dung & chi tiết.");

  const long long id = items[0]["id"];
  const json body =
      body_of(setup.news.get("/api/v1/news/" + std::to_string(id)))["article"]["body"];
  const std::string text = body.dump();
  CHECK(text.find("alert") == std::string::npos);
  CHECK(text.find("javascript") == std::string::npos);
  REQUIRE(body.size() == 4);
  CHECK(body[0]["spans"][1] == json{{"text", "sạt lở"}, {"bold", true}});
  CHECK(body[1]["type"] == "image");
  CHECK(body[1]["url"].get<std::string>().starts_with("/media/"));
  CHECK(body[1]["thumb_url"].get<std::string>().ends_with("-w960.jpg"));
  CHECK(body[1]["width"] == 300);
  CHECK(body[1]["alt"] == "Sườn đồi");
  CHECK(body[2]["type"] == "list");
  CHECK(body[3]["spans"][0] == json{{"text", "bấm"}});

  // Search finds imported items without diacritics.
  CHECK(list(setup.news, "?q=SAT+LO").size() == 1);
  CHECK(list(setup.news, "?q=thuc%20phan").size() == 1);

  // A second round adds nothing and fetches no image again.
  const int images = count(setup.news, "SELECT COUNT(*) FROM news_remote_images");
  setup.fetched.clear();
  const auto second = setup.importer.import(url);
  CHECK(setup.fetched == std::vector<std::string>{url});
  CHECK(second.added == 0);
  CHECK(second.updated == 0);
  CHECK(second.unchanged == 3);
  CHECK(count(setup.news, "SELECT COUNT(*) FROM news_articles") == 3);
  CHECK(count(setup.news, "SELECT COUNT(*) FROM news_remote_images") == images);
}

TEST_CASE("feed images come by the jobs queue: the import never waits for an image host") {
  FeedServer server;
  ImportSetup setup;
  const std::string url = server.serve("rss.xml", "feed.xml");
  REQUIRE(setup.importer.import(url).added == 3);
  // The import read the feed and nothing else; until the jobs deliver, the articles keep the
  // feed's links (which the app does not load: it shows the caption).
  CHECK(setup.fetched == std::vector<std::string>{url});
  json items = list(setup.news);
  REQUIRE(items.size() == 3);
  CHECK(items[0]["cover"]["url"] == server.base + "/files/anh-1.png");
  const std::string first = "/api/v1/news/" + items[0]["id"].dump();
  CHECK(body_of(setup.news.get(first))["article"]["body"][1]["url"] ==
        server.base + "/files/anh-2.png");
  const std::string admin = setup.news.sign_in_as("admin");
  const json queued = body_of(setup.news.get("/api/v1/admin/jobs?status=pending", admin))["jobs"];
  CHECK(queued.size() == 3);  // one per image, the cover of the first item being one of them
  for (const json& job : queued) CHECK(job["kind"] == "news.image_fetch");

  // The worker fetches them: the first article gains its cover and its body image (which is not
  // an edit of the article).
  const json updated_at = body_of(setup.news.get(first))["article"]["updated_at"];
  setup.news.clock.advance(std::chrono::minutes(1));
  CHECK(setup.news.jobs().run_due() == 3);
  items = list(setup.news);
  CHECK(items[0]["cover"]["url"].get<std::string>().starts_with("/media/"));
  const json body = body_of(setup.news.get(first))["article"]["body"];
  CHECK(body[1]["url"].get<std::string>().starts_with("/media/"));
  CHECK(body[1]["width"] == 300);
  CHECK(body_of(setup.news.get(first))["article"]["updated_at"] == updated_at);

  // khong-co.png is missing on its host: retried with backoff until out of attempts, then listed.
  CHECK(items[1]["cover"]["url"] == server.base + "/files/khong-co.png");
  for (int attempt = 2; attempt <= 6; ++attempt) {
    CHECK(setup.news.jobs().run_due() == 0);  // not before its backoff
    setup.news.clock.advance(std::chrono::minutes(30));
    CHECK(setup.news.jobs().run_due() == 1);
  }
  const json dead = body_of(setup.news.get("/api/v1/admin/jobs?status=dead", admin))["jobs"];
  REQUIRE(dead.size() == 1);
  CHECK(dead[0]["kind"] == "news.image_fetch");
  CHECK(dead[0]["attempts"] == 6);
  CHECK(dead[0]["last_error"] == "HTTP 404");
  CHECK(list(setup.news)[1]["cover"]["url"] == server.base + "/files/khong-co.png");

  // The host serves it again and the admin retries: the article gains its cover.
  write_file(server.dir.path() / "khong-co.png", make_png(640, 360));
  const std::string retry = "/api/v1/admin/jobs/" + dead[0]["id"].dump() + "/retry";
  REQUIRE(setup.news.post(retry, json::object(), admin).status == 200);
  CHECK(setup.news.jobs().run_due() == 1);
  CHECK(list(setup.news)[1]["cover"]["url"].get<std::string>().starts_with("/media/"));
  CHECK(body_of(setup.news.get("/api/v1/admin/jobs?status=dead", admin))["jobs"].empty());
  CHECK(body_of(setup.news.get("/api/v1/admin/jobs?status=pending", admin))["jobs"].empty());
}

TEST_CASE("an image host that fails once is tried again, and the article gains the image") {
  FeedServer server;
  ImportSetup setup;
  REQUIRE(setup.importer.import(server.serve("rss.xml", "feed.xml")).added == 3);
  CHECK(setup.news.jobs().run_due() == 3);  // khong-co.png: 404
  write_file(server.dir.path() / "khong-co.png", make_png(640, 360));
  CHECK(list(setup.news)[1]["cover"]["url"] == server.base + "/files/khong-co.png");
  setup.news.clock.advance(std::chrono::minutes(1));
  CHECK(setup.news.jobs().run_due() == 1);
  const json cover = list(setup.news)[1]["cover"];
  CHECK(cover["url"].get<std::string>().starts_with("/media/"));
  CHECK(cover["thumb_url"].get<std::string>().ends_with("-w480.jpg"));
  // Another item with the same image, later, takes the stored copy without a fetch.
  setup.fetched.clear();
  setup.news.clock.advance(std::chrono::hours(2));
  const std::string url = server.serve("rss_updated.xml", "feed.xml");
  REQUIRE(setup.importer.import(url).error.empty());
  CHECK(setup.fetched == std::vector<std::string>{url});
  CHECK(setup.news.jobs().run_due() == 0);
}

TEST_CASE("a dead image is queued again by an article imported a day later, for every article") {
  FeedServer server;
  ImportSetup setup;
  const auto pending = [&] {
    return count(setup.news, "SELECT COUNT(*) FROM jobs WHERE status = 'pending'");
  };
  REQUIRE(setup.importer.import(one_item_feed(server, "a")).added == 1);
  CHECK(pending() == 1);
  for (int attempt = 1; attempt <= 6; ++attempt) {
    CHECK(setup.news.jobs().run_due() == 1);
    setup.news.clock.advance(std::chrono::minutes(30));
  }
  CHECK(pending() == 0);  // dead
  // The same day, another article with that image does not try it again.
  REQUIRE(setup.importer.import(one_item_feed(server, "b")).added == 1);
  CHECK(pending() == 0);
  // A day later one does; the image is back, and all three articles gain it.
  setup.news.clock.advance(std::chrono::hours(24));
  REQUIRE(setup.importer.import(one_item_feed(server, "c")).added == 1);
  CHECK(pending() == 1);
  write_file(server.dir.path() / "khong-co.png", make_png(640, 360));
  CHECK(setup.news.jobs().run_due() == 1);
  const json items = list(setup.news);
  REQUIRE(items.size() == 3);
  for (const json& item : items) {
    CHECK(item["cover"]["url"].get<std::string>().starts_with("/media/"));
  }
}

TEST_CASE("an updated item is updated in place, a new one added, an official's withdrawal kept") {
  FeedServer server;
  ImportSetup setup;
  const std::string url = server.serve("rss.xml", "feed.xml");
  REQUIRE(setup.importer.import(url).added == 3);
  const json before = list(setup.news);
  const long long id = before[0]["id"];
  const long long withdrawn = before[1]["id"];
  // Imported articles belong to the province's feeds: an admin withdraws them (news/policy.h).
  const std::string admin = setup.news.sign_in_as("admin");
  REQUIRE(
      setup.news
          .post("/api/v1/news/" + std::to_string(withdrawn) + "/unpublish", json::object(), admin)
          .status == 200);

  setup.news.clock.advance(std::chrono::hours(2));
  server.serve("rss_updated.xml", "feed.xml");
  const auto result = setup.importer.import(url);
  CHECK(result.error.empty());
  CHECK(result.added == 1);
  CHECK(result.updated == 1);
  CHECK(result.unchanged == 2);

  const json after = list(setup.news);
  REQUIRE(after.size() == 3);  // tin-4, tin-1, tin-3 (tin-2 stays withdrawn)
  CHECK(after[0]["title"] == "Hội chợ nông sản Cao Bằng");
  CHECK(after[1]["id"] == id);
  CHECK(after[1]["title"] == "Sạt lở đất tại xã Hòa An: đã thông đường");
  CHECK(after[1]["published_at"] == "2025-03-03T01:00:00Z");
  const json article = body_of(setup.news.get("/api/v1/news/" + std::to_string(id)))["article"];
  CHECK(article["updated_at"] == "2025-03-04T07:00:00Z");
  CHECK(article["body"][0]["spans"][0]["text"] == "Đường đã thông xe từ sáng nay.");
  CHECK(list(setup.news, "?q=thong+duong").size() == 1);
  CHECK(list(setup.news, "?q=khong+di+qua").empty());  // the old text is no longer searchable
  CHECK(count(setup.news, "SELECT COUNT(*) FROM news_articles") == 4);
}

TEST_CASE("an Atom feed: xhtml and html content, relative links resolved") {
  FeedServer server;
  ImportSetup setup;
  const auto result = setup.importer.import(server.serve("atom.xml", "atom.xml"));
  CHECK(result.error.empty());
  CHECK(result.added == 2);
  const json items = list(setup.news);
  REQUIRE(items.size() == 2);
  CHECK(items[0]["title"] == "Khám sức khỏe miễn phí");
  CHECK(items[0]["published_at"] == "2025-03-03T01:00:00Z");
  CHECK(items[0]["source"] == "Sở Y tế (thử nghiệm)");
  CHECK(items[0]["summary"] == "Người cao tuổi được khám miễn phí.");
  const json first = body_of(setup.news.get("/api/v1/news/" + items[0]["id"].dump()))["article"];
  CHECK(first["body"][0] == json{{"type", "heading"}, {"level", 3}, {"text", "Địa điểm"}});
  CHECK(first["body"].dump().find("quang-cao") == std::string::npos);
  CHECK(items[1]["published_at"] == "2025-03-02T08:00:00Z");  // no <published>: <updated>
  const json second = body_of(setup.news.get("/api/v1/news/" + items[1]["id"].dump()))["article"];
  CHECK(second["body"][1]["spans"][1] ==
        json{{"text", "chi tiết"}, {"href", server.base + "/y-te/2/chi-tiet"}});
}

TEST_CASE("broken feeds are reported and retried, never stored half") {
  FeedServer server;
  ImportSetup setup;
  const std::string url = server.serve("malformed.xml", "feed.xml");
  const auto malformed = setup.importer.import(url);
  CHECK(malformed.error.find("malformed XML") != std::string::npos);
  CHECK(malformed.added == 0);
  CHECK(count(setup.news, "SELECT COUNT(*) FROM news_articles") == 0);
  CHECK(count(setup.news, "SELECT COUNT(*) FROM news_feeds WHERE last_error IS NOT NULL") == 1);

  CHECK(setup.importer.import(server.base + "/status/500").error == "HTTP 500");
  CHECK(setup.importer.import(server.base + "/files/khong-co.xml").error == "HTTP 404");
  const auto unreachable = setup.importer.import("http://127.0.0.1:1/feed.xml");
  CHECK(unreachable.error.find("connect") != std::string::npos);
  write_file(server.dir.path() / "page.xml", "<html><body><p>Trang chủ</p></body></html>");
  const auto not_a_feed = setup.importer.import(server.base + "/files/page.xml");
  CHECK(not_a_feed.error.find("not an RSS 2.0 or Atom feed") != std::string::npos);

  // The portal fixes its feed: the next round imports it.
  server.serve("rss.xml", "feed.xml");
  const auto fixed = setup.importer.import(url);
  CHECK(fixed.error.empty());
  CHECK(fixed.added == 3);
  CHECK(count(setup.news, "SELECT COUNT(*) FROM news_feeds WHERE last_error IS NULL") == 1);
}

TEST_CASE("--news-feed is repeatable, http(s) URLs only; the interval has a default") {
  const auto env = [](const char*) -> std::optional<std::string> { return std::nullopt; };
  const auto parsed =
      parse_config({"--news-feed", "http://a.example/rss", "--news-feed=http://b.example/atom",
                    "--news-feed-interval", "60"},
                   env);
  REQUIRE(parsed.config);
  CHECK(parsed.config->news_feeds ==
        std::vector<std::string>{"http://a.example/rss", "http://b.example/atom"});
  CHECK(parsed.config->news_feed_interval == 60);
  CHECK(parse_config({}, env).config->news_feed_interval == 900);
  CHECK(parse_config({"--news-feed", "https://a.example/rss"}, env).config->news_feeds.size() == 1);
  CHECK(parse_config({"--news-feed", "ftp://a.example/rss"}, env).exit_code == 2);
  CHECK(parse_config({"--news-feed-interval", "0"}, env).exit_code == 2);
  const auto from_env = parse_config({}, [](const char* name) -> std::optional<std::string> {
    if (std::string_view(name) == "NEWS_FEEDS") return "http://a.example/1 http://a.example/2";
    return std::nullopt;
  });
  CHECK(from_env.config->news_feeds.size() == 2);
}

TEST_CASE("the server imports its feeds on schedule; a dead feed does not stop it") {
  FeedServer feeds;
  const TempDir data;
  ChildProcess server(
      CDSCB_SERVER_BINARY,
      {"--listen", "127.0.0.1:0", "--db", "sqlite:" + (data.path() / "app.db").string(),
       "--data-dir", data.path().string(), "--site-dir", (data.path() / "no-site").string(),
       "--news-feed", feeds.base + "/rss.xml", "--news-feed", "http://127.0.0.1:1/dead.xml",
       "--news-feed-interval", "1", "--allow-private-fetch", feeds.base.substr(7)});
  const unsigned short port = listening_port(server.first_line(std::chrono::seconds(20)));
  REQUIRE(port != 0);
  const auto api = *integrations::parse_http_url("http://127.0.0.1:" + std::to_string(port) +
                                                 "/api/v1/news?limit=50");
  json items;
  // Until all items are in and the first one's cover has come by the image jobs.
  const auto complete = [&items] {
    return items.size() == 30 &&
           items[0]["cover"]["thumb_url"].get<std::string>().ends_with("-w480.jpg");
  };
  for (int i = 0; i < 100 && !complete(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto reply = integrations::http_call(api, loopback_call());
    REQUIRE(reply.status == 200);
    items = json::parse(reply.body)["items"];
  }
  REQUIRE(items.size() == 30);
  CHECK(items[0]["source"] == "Tin mẫu (sandbox)");
  CHECK(items[0]["cover"]["thumb_url"].get<std::string>().ends_with("-w480.jpg"));
  // Two more rounds go by without duplicates, and the server still answers.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  const auto reply = integrations::http_call(api, loopback_call());
  CHECK(json::parse(reply.body)["items"].size() == 30);
  CHECK(server.terminate(std::chrono::seconds(15)) == 0);
  std::ifstream log(server.log_path());
  std::stringstream text;
  text << log.rdbuf();
  CHECK(text.str().find("dead.xml") != std::string::npos);
  CHECK(text.str().find("tried again next round") != std::string::npos);
}
