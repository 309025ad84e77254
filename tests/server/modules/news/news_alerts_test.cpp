// Alerts: officials post them, everyone sees the current ones until they expire.
#include <doctest/doctest.h>

#include "modules/news/news_harness.h"

using namespace cdscb::server::testing;
using nlohmann::json;

TEST_CASE("an alert shows until it expires, and an official can remove it") {
  NewsHarness news;
  const std::string officer = news.sign_in_as("officer", "so-nong-nghiep-moi-truong");
  const long long article =
      news.create_article(officer, "Lũ trên sông Bằng", "Mực nước dâng.")["id"];
  // The harness clock starts at 2025-03-04T05:00:00Z.
  const auto created = news.post("/api/v1/alerts",
                                 {{"kind", "flood"},
                                  {"title", "Lũ trên sông Bằng Giang"},
                                  {"text", "Người dân ven sông di chuyển đồ đạc lên cao."},
                                  {"expires_at", "2025-03-04T19:00:00+07:00"},
                                  {"article_id", article}},
                                 officer);
  REQUIRE_MESSAGE(created.status == 201, created.body);
  const json alert = body_of(created)["alert"];
  CHECK(alert["kind"] == "flood");
  CHECK(alert["starts_at"] == "2025-03-04T05:00:00Z");
  CHECK(alert["expires_at"] == "2025-03-04T12:00:00Z");
  CHECK(alert["article_id"] == article);

  const auto second = news.post("/api/v1/alerts",
                                {{"kind", "landslide"},
                                 {"title", "Sạt lở Quốc lộ 4A"},
                                 {"text", "Đường tạm cấm."},
                                 {"expires_at", "2025-03-05T05:00:00Z"}},
                                officer);
  REQUIRE(second.status == 201);
  CHECK(body_of(second)["alert"]["article_id"].is_null());

  json items = body_of(news.get("/api/v1/alerts"))["items"];
  REQUIRE(items.size() == 2);
  CHECK(body_of(news.get("/api/v1/news"))["items"][0]["alert"] == true);

  // Seven hours later the flood alert has expired; the article no longer counts as an alert.
  news.clock.advance(std::chrono::hours(7));
  items = body_of(news.get("/api/v1/alerts"))["items"];
  REQUIRE(items.size() == 1);
  CHECK(items[0]["title"] == "Sạt lở Quốc lộ 4A");
  CHECK(body_of(news.get("/api/v1/news"))["items"][0]["alert"] == false);

  const std::string path = "/api/v1/alerts/" + std::to_string(items[0]["id"].get<long long>());
  const std::string citizen = news.sign_in_as("citizen");
  CHECK(news.del(path, citizen).status == 403);
  CHECK(news.del(path, "").status == 401);
  CHECK(news.del(path, officer).status == 204);
  CHECK(news.del(path, officer).status == 404);
  CHECK(body_of(news.get("/api/v1/alerts"))["items"].empty());
}

TEST_CASE("alerts: citizens cannot post, bad input is refused and nothing stored") {
  NewsHarness news;
  const json good = {{"kind", "storm"},
                     {"title", "Bão số 3"},
                     {"text", "Gió mạnh cấp 8."},
                     {"expires_at", "2025-03-05T00:00:00Z"}};
  const std::string citizen = news.sign_in_as("citizen");
  CHECK(news.post("/api/v1/alerts", good, citizen).status == 403);
  CHECK(news.post("/api/v1/alerts", good, "").status == 401);

  const std::string admin = news.sign_in_as("admin");
  const auto bad = news.post("/api/v1/alerts",
                             {{"kind", "earthquake"},
                              {"title", ""},
                              {"text", std::string(1001, 'x')},
                              {"expires_at", "2025-03-04T04:00:00Z"},
                              {"article_id", 999}},
                             admin);
  REQUIRE(bad.status == 422);
  const json fields = body_of(bad)["error"]["fields"];
  for (const char* field : {"kind", "title", "text", "expires_at", "article_id"}) {
    CHECK_MESSAGE(fields.contains(field), field);
  }
  json far = good;
  far["expires_at"] = "2025-05-01T00:00:00Z";
  CHECK(body_of(news.post("/api/v1/alerts", far, admin))["error"]["fields"].contains("expires_at"));
  json malformed = good;
  malformed["expires_at"] = "ngày mai";
  CHECK(news.post("/api/v1/alerts", malformed, admin).status == 422);
  CHECK(body_of(news.get("/api/v1/alerts"))["items"].empty());
  CHECK(news.post("/api/v1/alerts", good, admin).status == 201);
}

TEST_CASE("alerts are bounded: at most 20 current, the list never longer") {
  NewsHarness news;
  const std::string officer = news.sign_in_as("officer", "so-nong-nghiep-moi-truong");
  const auto post = [&](int i, const char* expires = "2025-03-05T05:00:00Z") {
    return news.post("/api/v1/alerts",
                     {{"kind", "storm"},
                      {"title", "Bão số " + std::to_string(i)},
                      {"text", "Neo đậu tàu thuyền."},
                      {"expires_at", expires}},
                     officer);
  };
  long long first = 0;
  for (int i = 1; i <= 20; ++i) {
    const auto created = post(i);
    REQUIRE_MESSAGE(created.status == 201, created.body);
    if (i == 1) first = body_of(created)["alert"]["id"];
  }
  const auto refused = post(21);
  CHECK(refused.status == 409);
  CHECK(body_of(refused)["error"]["code"] == "too_many_alerts");
  CHECK(body_of(refused)["error"]["message"] ==
        "Đã có 20 cảnh báo đang hiển thị. Hãy gỡ bớt cảnh báo cũ trước khi đăng cảnh báo mới.");
  CHECK(body_of(news.get("/api/v1/alerts"))["items"].size() == 20);

  // Removing one makes room for one.
  CHECK(news.del("/api/v1/alerts/" + std::to_string(first), officer).status == 204);
  CHECK(post(22).status == 201);
  CHECK(post(23).status == 409);
  // Expired alerts do not count.
  news.clock.advance(std::chrono::hours(24));
  CHECK(body_of(news.get("/api/v1/alerts"))["items"].empty());
  CHECK(post(24, "2025-03-06T05:00:00Z").status == 201);
}
