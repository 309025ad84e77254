#include "app/state/news.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "app/state/alerts.h"
#include "app/state/news_cache.h"
#include "app/state/news_list.h"
#include "core/time_text.h"
#include "tests/app/fake_platform.h"
#include "tests/app/fake_transport.h"

using namespace cdscb;
using namespace cdscb::app;

namespace {

using nlohmann::json;

json summary(int id, std::string title = "") {
  if (title.empty()) title = "Tin số " + std::to_string(id);
  return {{"id", id},
          {"title", title},
          {"summary", "Tóm tắt " + std::to_string(id)},
          {"category", {{"code", "thoi-su"}, {"name", "Thời sự"}}},
          {"published_at", "2026-11-26T01:30:00Z"},
          {"cover", {{"url", "/media/abc.jpg"}, {"thumb_url", "/media/abc-w320.jpg"}}},
          {"source", nullptr},
          {"url", nullptr},
          {"alert", false}};
}

std::string page(int from, int count, std::string next) {
  json items = json::array();
  for (int i = from; i < from + count; ++i) items.push_back(summary(i));
  return json{{"items", items}, {"next_cursor", next.empty() ? json() : json(next)}}.dump();
}

std::string reply(int status, const std::string& body) {
  return json{{"status", status}, {"body", body}}.dump();
}

// Answers the last request sent whose path starts with `prefix`.
bool answer(api::Client& client, const std::string& prefix, int status, const std::string& body) {
  for (auto it = fake::sent().rbegin(); it != fake::sent().rend(); ++it)
    if (it->path.starts_with(prefix)) return client.deliver(it->id, reply(status, body));
  return false;
}

}  // namespace

TEST_CASE("articles are read from the API, unknown and unsafe parts left out") {
  auto article = state::article_from_json(
      json{{"article",
            {{"id", 12},
             {"title", "Sạt lở đất ở Bảo Lạc"},
             {"published_at", "2026-11-26T17:05:00Z"},
             {"body",
              json::array(
                  {{{"type", "heading"}, {"level", 3}, {"text", "Diễn biến"}},
                   {{"type", "paragraph"},
                    {"spans",
                     json::array({{{"text", "Mưa lớn "}, {"bold", true}},
                                  {{"text", "xem thêm"}, {"href", "https://caobang.gov.vn/tin"}},
                                  {{"text", "độc hại"}, {"href", "javascript:alert(1)"}}})}},
                   {{"type", "list"}, {"items", json::array({json::array({{{"text", "Một"}}})})}},
                   {{"type", "image"},
                    {"url", "/media/x.jpg"},
                    {"thumb_url", "/media/x-w480.jpg"},
                    {"alt", "Hiện trường"},
                    {"width", 1600},
                    {"height", 900}},
                   {{"type", "script"}, {"text", "x"}}})}}}}
          .dump());
  REQUIRE(article);
  CHECK(article->id == "12");
  CHECK(article->cover_url.empty());
  REQUIRE(article->body.size() == 4);
  CHECK(article->body[0].level == 3);
  REQUIRE(article->body[1].spans.size() == 3);
  CHECK(article->body[1].spans[0].bold);
  CHECK(article->body[1].spans[1].href == "https://caobang.gov.vn/tin");
  CHECK(article->body[1].spans[2].href.empty());
  CHECK(article->body[2].items.size() == 1);
  CHECK(article->body[3].width == 1600);
  CHECK_FALSE(state::article_from_json(R"({"article":{"title":"no id"}})"));
  CHECK_FALSE(state::article_from_json("not json"));
}

TEST_CASE("dates are shown the Vietnamese way, in Vietnam's time") {
  CHECK(state::format_date_vi("2026-11-26T17:05:00Z") == "27/11/2026 00:05");
  CHECK(state::format_date_vi("2026-01-02T08:30:00+07:00") == "02/01/2026 08:30");
  CHECK(state::format_date_vi("2026-11-26T01:30:00.250Z") == "26/11/2026 08:30");
  CHECK(state::format_date_vi("hôm qua").empty());
  CHECK(core::parse_rfc3339("1970-01-01T00:00:00Z") == 0);
  CHECK(core::format_rfc3339(*core::parse_rfc3339("2026-02-28T23:59:59Z")) ==
        "2026-02-28T23:59:59Z");
}

TEST_CASE("the search goes to the server encoded, with category and cursor") {
  CHECK(state::news_path("sạt lở", "", "", 20) ==
        "/api/v1/news?limit=20&q=s%E1%BA%A1t%20l%E1%BB%9F");
  CHECK(state::news_path("", "thoi-su", "c2", 20) ==
        "/api/v1/news?limit=20&category=thoi-su&cursor=c2");
}

TEST_CASE("the list pages with the cursor and never shows an article twice") {
  fake::sent().clear();
  api::Client client;
  state::Replies replies;
  state::NewsCache cache;
  state::NewsList list;
  list.refresh(client, "", "");
  CHECK(list.loading());
  REQUIRE(answer(client, "/api/v1/news?limit=20", 200, page(1, 20, "p2")));
  list.update(client, cache, replies);
  CHECK(list.items().size() == 20);
  CHECK(list.has_more());
  list.load_more(client);
  CHECK(fake::sent().back().path == "/api/v1/news?limit=20&cursor=p2");
  REQUIRE(answer(client, "/api/v1/news?limit=20&cursor=p2", 200, page(20, 5, "")));
  list.update(client, cache, replies);
  CHECK(list.items().size() == 24);
  CHECK_FALSE(list.has_more());

  // Typing on: the answer to the older search is dropped, the newer one shown.
  list.refresh(client, "sat", "");
  const std::string older = fake::sent().back().id;
  list.refresh(client, "sat lo", "");
  REQUIRE(answer(client, "/api/v1/news?limit=20&q=sat%20lo", 200, page(100, 1, "")));
  CHECK(client.deliver(older, reply(200, page(200, 3, ""))));
  list.update(client, cache, replies);
  REQUIRE(list.items().size() == 1);
  CHECK(list.items()[0].id == "100");
  CHECK_FALSE(client.take(older));
}

TEST_CASE("the newest 50 articles are kept for offline reading and read back without network") {
  fake::sent().clear();
  fake::idb().clear();
  fake::idb()["news/article/999"] = "old";  // fell out of the newest 50
  fake::prefetched().clear();
  api::Client client;
  state::Replies replies;
  state::NewsCache cache;
  state::NewsList list;
  list.refresh(client, "", "");
  REQUIRE(answer(client, "/api/v1/news?limit=20", 200, page(1, 20, "p2")));
  list.update(client, cache, replies);
  CHECK(cache.syncing());
  REQUIRE(answer(client, "/api/v1/news?limit=50", 200, page(1, 30, "c30")));
  fake::answer_idb(replies);
  cache.update(client, replies);
  CHECK(fake::sent().back().path == "/api/v1/news?limit=20&cursor=c30");
  REQUIRE(answer(client, "/api/v1/news?limit=20&cursor=c30", 200, page(31, 40, "c70")));
  cache.update(client, replies);
  fake::answer_idb(replies);
  cache.update(client, replies);
  CHECK(fake::prefetched().size() == 50);
  for (int round = 0; round < 40 && cache.syncing(); ++round) {
    for (const auto& r : std::vector(fake::sent())) {
      if (!r.path.starts_with("/api/v1/news/")) continue;
      const int id = std::stoi(r.path.substr(13));
      client.deliver(r.id, reply(200, json{{"article", summary(id)}}.dump()));
    }
    cache.update(client, replies);
    fake::answer_idb(replies);
  }
  CHECK_FALSE(cache.syncing());
  CHECK(cache.stored() == 50);
  CHECK(fake::idb().count("news/article/50"));
  CHECK_FALSE(fake::idb().count("news/article/51"));
  CHECK_FALSE(fake::idb().count("news/article/999"));

  // Offline: the first page fails on the network, the list comes from the store; the search
  // runs on the copy with the same diacritic folding as the server.
  list.refresh(client, "TIN SO 4", "");
  REQUIRE(answer(client, "/api/v1/news?limit=20&q=", 0, ""));
  list.update(client, cache, replies);
  fake::answer_idb(replies);
  list.update(client, cache, replies);
  CHECK(list.offline_copy());
  CHECK(list.items().size() == 11);  // 4, 40..49
  auto read = state::NewsCache::read_article(replies, "7");
  fake::answer_idb(replies);
  auto article = state::NewsCache::article_from_reply(*replies.take(read));
  REQUIRE(article);
  CHECK(article->title == "Tin số 7");
}

TEST_CASE("alerts show until they expire and tell when to look again") {
  auto alerts =
      state::alerts_from_json(json{{"items", json::array({{{"id", 1},
                                                           {"kind", "landslide"},
                                                           {"title", "Sạt lở"},
                                                           {"text", "Tránh QL34"},
                                                           {"starts_at", "2026-11-26T00:00:00Z"},
                                                           {"expires_at", "2026-11-26T10:00:00Z"},
                                                           {"article_id", 5}},
                                                          {{"id", 2},
                                                           {"kind", "flood"},
                                                           {"title", "Lũ"},
                                                           {"text", ""},
                                                           {"expires_at", "2026-11-26T08:00:00Z"},
                                                           {"article_id", nullptr}},
                                                          {{"id", 3}, {"title", "no expiry"}}})}}
                                  .dump());
  REQUIRE(alerts.size() == 2);
  CHECK(alerts[0].article_id == "5");
  CHECK(alerts[1].article_id.empty());

  fake::sent().clear();
  api::Client client;
  state::Alerts state;
  state.refresh(client);
  REQUIRE(answer(client, "/api/v1/alerts", 200,
                 json{{"items", json::array({{{"id", 1},
                                              {"kind", "storm"},
                                              {"title", "Bão"},
                                              {"text", "x"},
                                              {"expires_at", "2026-11-26T10:00:00Z"}},
                                             {{"id", 2},
                                              {"kind", "flood"},
                                              {"title", "Lũ"},
                                              {"text", "y"},
                                              {"expires_at", "2026-11-26T08:00:00Z"}}})}}
                     .dump()));
  CHECK(state.update(client));
  const long long seven = *core::parse_rfc3339("2026-11-26T07:00:00Z");
  CHECK(state.current(seven).size() == 2);
  CHECK(state.next_expiry(seven) == *core::parse_rfc3339("2026-11-26T08:00:00Z"));
  CHECK(state.current(seven + 3600).size() == 1);
  CHECK(state.current(seven + 3 * 3600).empty());
  CHECK_FALSE(state.next_expiry(seven + 3 * 3600));
}
