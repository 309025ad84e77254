// Articles: officials write and publish them, everyone lists, searches and reads them.
#include <doctest/doctest.h>

#include <set>

#include "modules/news/news_harness.h"

using namespace cdscb::server::testing;
using nlohmann::json;

TEST_CASE("an official's article: blocks from text, visible once published") {
  NewsHarness news;
  const std::string officer = news.sign_in_as("officer", "ubnd-xa-hoa-an");
  const json draft = news.create_article(
      officer, "Cảnh báo sạt lở đất tại xã Hòa An",
      "Mưa lớn gây nguy cơ sạt lở.\n\n## Khu vực nguy hiểm\n- Xóm Nà Lũng\n- Xóm Pác Cam\n\n"
      "Xem [bản đồ](https://caobang.gov.vn/ban-do) hoặc [đây](javascript:alert(1)).",
      false);
  CHECK(draft["published"] == false);
  CHECK(draft["published_at"].is_null());
  CHECK(draft["summary"] == "Mưa lớn gây nguy cơ sạt lở.");
  CHECK(draft["category"] == json{{"code", "thong-bao"}, {"name", "Thông báo"}});
  const json body = draft["body"];
  REQUIRE(body.size() == 4);
  CHECK(body[1] == json{{"type", "heading"}, {"level", 2}, {"text", "Khu vực nguy hiểm"}});
  CHECK(body[2]["type"] == "list");
  CHECK(body[2]["items"][1][0]["text"] == "Xóm Pác Cam");
  CHECK(body[3]["spans"][1] == json{{"text", "bản đồ"}, {"href", "https://caobang.gov.vn/ban-do"}});
  CHECK(body[3]["spans"][2] == json{{"text", " hoặc đây."}});
  const std::string path = "/api/v1/news/" + std::to_string(draft["id"].get<long long>());

  // A draft: not listed, 404 for citizens and the signed-out, readable by officials.
  const std::string citizen = news.sign_in_as("citizen");
  CHECK(body_of(news.get("/api/v1/news"))["items"].empty());
  CHECK(news.get(path).status == 404);
  CHECK(news.get(path, citizen).status == 404);
  CHECK(news.get(path, officer).status == 200);

  news.clock.advance(std::chrono::minutes(5));
  const auto published = news.post(path + "/publish", json::object(), officer);
  REQUIRE_MESSAGE(published.status == 200, published.body);
  CHECK(body_of(published)["article"]["published_at"] == "2025-03-04T05:05:00Z");
  const json list = body_of(news.get("/api/v1/news"));
  REQUIRE(list["items"].size() == 1);
  CHECK(list["items"][0]["title"] == "Cảnh báo sạt lở đất tại xã Hòa An");
  CHECK_FALSE(list["items"][0].contains("body"));
  CHECK(list["next_cursor"].is_null());
  const auto read = news.get(path, citizen);
  REQUIRE(read.status == 200);
  CHECK(body_of(read)["article"]["body"] == body);

  // Withdrawn: gone for citizens again; publishing again keeps the first date.
  REQUIRE(news.post(path + "/unpublish", json::object(), officer).status == 200);
  CHECK(news.get(path).status == 404);
  CHECK(body_of(news.get("/api/v1/news"))["items"].empty());
  news.clock.advance(std::chrono::hours(1));
  REQUIRE(news.post(path + "/publish", json::object(), officer).status == 200);
  CHECK(body_of(news.get(path))["article"]["published_at"] == "2025-03-04T05:05:00Z");
}

TEST_CASE("only officials write: citizens get 403, the signed-out 401") {
  NewsHarness news;
  const std::string citizen = news.sign_in_as("citizen");
  const json article = {{"title", "Tin"}, {"text", "Nội dung"}, {"published", true}};
  const auto as_citizen = news.post("/api/v1/news", article, citizen);
  CHECK(as_citizen.status == 403);
  CHECK(body_of(as_citizen)["error"]["code"] == "forbidden");
  CHECK(news.post("/api/v1/news", article, "").status == 401);
  CHECK(news.get("/api/v1/officer/news", citizen).status == 403);

  const std::string officer = news.sign_in_as("officer", "so-y-te");
  const long long id = news.create_article(officer, "Tiêm chủng", "Lịch tiêm chủng.")["id"];
  const std::string path = "/api/v1/news/" + std::to_string(id);
  CHECK(news.patch(path, {{"title", "Sửa"}}, citizen).status == 403);
  CHECK(news.post(path + "/unpublish", json::object(), citizen).status == 403);
  CHECK(body_of(news.get(path))["article"]["title"] == "Tiêm chủng");

  // Another agency's officer cannot edit it; an admin can.
  const std::string other = news.sign_in_as("officer", "so-tu-phap");
  const auto by_other = news.patch(path, {{"title", "Sửa"}}, other);
  CHECK(by_other.status == 403);
  const std::string admin = news.sign_in_as("admin");
  const auto by_admin = news.patch(path, {{"title", "Lịch tiêm chủng mở rộng"}}, admin);
  REQUIRE_MESSAGE(by_admin.status == 200, by_admin.body);
  CHECK(body_of(by_admin)["article"]["title"] == "Lịch tiêm chủng mở rộng");
  CHECK(body_of(by_admin)["article"]["body"][0]["spans"][0]["text"] == "Lịch tiêm chủng.");
}

TEST_CASE("bad article input is refused field by field and nothing is stored") {
  NewsHarness news;
  const std::string officer = news.sign_in_as("officer", "so-y-te");
  const auto response = news.post("/api/v1/news",
                                  {{"title", std::string(201, 'a')},
                                   {"text", "   "},
                                   {"summary", 5},
                                   {"category", "khong-co"},
                                   {"cover", "abc"},
                                   {"published", "yes"}},
                                  officer);
  REQUIRE(response.status == 422);
  const json fields = body_of(response)["error"]["fields"];
  for (const char* field : {"title", "text", "summary", "category", "cover", "published"}) {
    CHECK_MESSAGE(fields.contains(field), field);
  }
  CHECK(news.call("POST", "/api/v1/news", "[1,2]", officer).status == 400);
  CHECK(news.call("POST", "/api/v1/news", "{\"title\":\"\xC3\"}", officer).status == 400);
  CHECK(body_of(news.get("/api/v1/officer/news", officer))["items"].empty());
  CHECK(news.get("/api/v1/news/abc").status == 404);
  CHECK(news.get("/api/v1/news/999").status == 404);
}

TEST_CASE("the list pages newest first with a cursor, and filters by category") {
  NewsHarness news;
  const std::string officer = news.sign_in_as("officer", "van-phong-ubnd-tinh");
  for (int i = 1; i <= 7; ++i) {
    news.clock.advance(std::chrono::minutes(1));
    news.create_article(officer, "Tin số " + std::to_string(i), "Nội dung " + std::to_string(i),
                        true, i % 2 ? "kinh-te" : "thong-bao");
  }
  std::vector<std::string> titles;
  std::string cursor;
  int pages = 0;
  do {
    const auto response =
        news.get("/api/v1/news?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor));
    REQUIRE(response.status == 200);
    const json page = body_of(response);
    CHECK(page["items"].size() <= 3);
    for (const auto& item : page["items"]) titles.push_back(item["title"]);
    cursor = page["next_cursor"].is_null() ? "" : page["next_cursor"].get<std::string>();
    ++pages;
  } while (!cursor.empty() && pages < 10);
  CHECK(pages == 3);
  CHECK(titles == std::vector<std::string>{"Tin số 7", "Tin số 6", "Tin số 5", "Tin số 4",
                                           "Tin số 3", "Tin số 2", "Tin số 1"});
  const json economy = body_of(news.get("/api/v1/news?category=kinh-te"));
  CHECK(economy["items"].size() == 4);
  for (const auto& item : economy["items"]) CHECK(item["category"]["code"] == "kinh-te");
  CHECK(news.get("/api/v1/news?category=khong-co").status == 422);
  CHECK(news.get("/api/v1/news?cursor=xyz").status == 422);
  CHECK(news.get("/api/v1/news?limit=0").status == 422);

  const json officer_page = body_of(news.get("/api/v1/officer/news?limit=5", officer));
  CHECK(officer_page["items"].size() == 5);
  CHECK(officer_page["items"][0]["title"] == "Tin số 7");
  CHECK(officer_page["items"][0]["can_edit"] == true);
  const json rest = body_of(news.get(
      "/api/v1/officer/news?limit=5&cursor=" + officer_page["next_cursor"].get<std::string>(),
      officer));
  CHECK(rest["items"].size() == 2);
  CHECK(rest["next_cursor"].is_null());
}

TEST_CASE("search ignores Vietnamese diacritics and case") {
  NewsHarness news;
  const std::string officer = news.sign_in_as("officer", "ubnd-xa-hoa-an");
  news.create_article(officer, "Cảnh báo sạt lở đất", "Mưa lớn kéo dài.");
  news.create_article(officer, "Lễ hội mùa xuân", "Tổ chức tại xã Hòa An, huyện cũ Hòa An.");
  news.create_article(officer, "Giá lúa tăng", "Nông dân phấn khởi, 50% sản lượng đã bán.");
  news.create_article(officer, "Bản nháp sạt lở", "Chưa đăng.", false);
  const auto titles = [&](const std::string& q) {
    std::set<std::string> out;
    const json page = body_of(news.get("/api/v1/news?q=" + q));
    for (const auto& item : page["items"]) {
      out.insert(item["title"].get<std::string>());
    }
    return out;
  };
  CHECK(titles("sat%20lo") == std::set<std::string>{"Cảnh báo sạt lở đất"});
  CHECK(titles("S%E1%BA%A0T+L%E1%BB%9E") == std::set<std::string>{"Cảnh báo sạt lở đất"});
  CHECK(titles("HOA+AN") == std::set<std::string>{"Lễ hội mùa xuân"});
  CHECK(titles("hoa%20an%20xuan") == std::set<std::string>{"Lễ hội mùa xuân"});
  CHECK(titles("nong+dan") == std::set<std::string>{"Giá lúa tăng"});
  CHECK(titles("50%25") == std::set<std::string>{"Giá lúa tăng"});
  CHECK(titles("_").empty());
  CHECK(titles("bao+lu").empty());
  CHECK(titles("").size() == 3);
  CHECK(news.get("/api/v1/news?q=" + std::string(101, 'a')).status == 422);
}

TEST_CASE("categories are listed with their Vietnamese names") {
  NewsHarness news;
  const json categories = body_of(news.get("/api/v1/news/categories"))["categories"];
  REQUIRE(categories.size() >= 5);
  CHECK(categories[0] == json{{"code", "thong-bao"}, {"name", "Thông báo"}});
}
