// The news policy on records: alerts are taken down by their agency (and admins), imported feed
// items are edited by admins only, covers are the writer's own uploads.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "integrations/media_test_support.h"
#include "modules/accounts/users.h"
#include "modules/media/uploads.h"
#include "modules/news/articles.h"
#include "modules/news/media_images.h"
#include "modules/news/news_harness.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;
namespace news_module = cdscb::server::news;

namespace {

long long post_alert(NewsHarness& harness, const std::string& cookie) {
  const auto created = harness.post("/api/v1/alerts",
                                    {{"kind", "flood"},
                                     {"title", "Lũ trên sông Bằng Giang"},
                                     {"text", "Người dân ven sông di chuyển đồ đạc lên cao."},
                                     {"expires_at", "2025-03-05T05:00:00Z"}},
                                    cookie);
  REQUIRE_MESSAGE(created.status == 201, created.body);
  return body_of(created)["alert"]["id"];
}

long long imported_article(NewsHarness& harness) {
  soci::session sql(harness.database().pool());
  sql << "INSERT INTO news_feeds (url) VALUES ('https://caobang.gov.vn/rss')";
  long long feed = 0;
  sql << "SELECT id FROM news_feeds", soci::into(feed);
  news_module::Article article;
  article.title = "Tin từ Cổng thông tin tỉnh";
  article.summary = "Tóm tắt";
  article.body = core::text_to_blocks("Nội dung tin.");
  article.published = true;
  article.published_at = article.created_at = article.updated_at = 1741064400;
  article.source = "Cổng thông tin điện tử tỉnh Cao Bằng";
  article.feed_id = feed;
  return news_module::insert_article(sql, article, std::string("guid-1"), std::string("hash-1"));
}

}  // namespace

TEST_CASE("an alert is taken down only by an official of its agency, or an admin") {
  NewsHarness news;
  const std::string raiser = news.sign_in_as("officer", "so-nong-nghiep-moi-truong");
  const std::string colleague = news.sign_in_as("officer", "so-nong-nghiep-moi-truong");
  const std::string other = news.sign_in_as("officer", "so-y-te");
  const std::string admin = news.sign_in_as("admin");

  const std::string first = "/api/v1/alerts/" + std::to_string(post_alert(news, raiser));
  const auto by_other = news.del(first, other);
  CHECK(by_other.status == 403);
  CHECK(body_of(by_other)["error"]["message"] ==
        "Cảnh báo này do cơ quan khác đăng, bạn không thể gỡ.");
  CHECK(body_of(news.get("/api/v1/alerts"))["items"].size() == 1);
  CHECK(news.del(first, colleague).status == 204);

  const std::string second = "/api/v1/alerts/" + std::to_string(post_alert(news, raiser));
  CHECK(news.del(second, admin).status == 204);

  // An admin's alert belongs to no agency: officers cannot take it down.
  const std::string third = "/api/v1/alerts/" + std::to_string(post_alert(news, admin));
  CHECK(news.del(third, raiser).status == 403);
  CHECK(news.del(third, admin).status == 204);
  CHECK(body_of(news.get("/api/v1/alerts"))["items"].empty());
}

TEST_CASE("an imported feed item is edited by admins only") {
  NewsHarness news;
  const std::string officer = news.sign_in_as("officer", "so-y-te");
  const std::string admin = news.sign_in_as("admin");
  const std::string path = "/api/v1/news/" + std::to_string(imported_article(news));

  const auto by_officer = news.patch(path, {{"title", "Sửa"}}, officer);
  CHECK(by_officer.status == 403);
  CHECK(body_of(by_officer)["error"]["message"] ==
        "Tin lấy từ nguồn tin của tỉnh chỉ quản trị viên được sửa.");
  CHECK(news.post(path + "/unpublish", json::object(), officer).status == 403);
  const json listed = body_of(news.get("/api/v1/officer/news", officer))["items"];
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["can_edit"] == false);
  CHECK(body_of(news.get(path))["article"]["title"] == "Tin từ Cổng thông tin tỉnh");

  const auto by_admin = news.patch(path, {{"title", "Tin đã sửa"}}, admin);
  REQUIRE_MESSAGE(by_admin.status == 200, by_admin.body);
  CHECK(body_of(by_admin)["article"]["title"] == "Tin đã sửa");
  CHECK(body_of(news.get("/api/v1/officer/news", admin))["items"][0]["can_edit"] == true);
}

TEST_CASE("a cover is a photo the writer uploaded") {
  TempDir media_dir;
  const media::MediaStore store(media_dir.path() / "media");
  const auto images = std::make_shared<news_module::MediaImages>(store);
  NewsHarness news{images};
  const std::string officer = news.sign_in_as("officer", "so-y-te", "0912000001");
  news.sign_in_as("officer", "so-tu-phap", "0912000002");
  const auto upload = [&](const std::string& phone, int width) {
    const media::StoredImage image = store.store(make_jpeg(width, 300));
    soci::session sql(news.database().pool());
    media::record_upload(sql, image, accounts::find_user_by_phone(sql, phone)->id, 1741064400);
    return image.id;
  };
  const std::string own = upload("0912000001", 400);
  const std::string others = upload("0912000002", 500);

  const json article = {{"title", "Tiêm chủng"}, {"text", "Lịch tiêm chủng."}};
  json with_other = article;
  with_other["cover"] = others;
  const auto refused = news.post("/api/v1/news", with_other, officer);
  CHECK(refused.status == 422);
  CHECK(body_of(refused)["error"]["fields"]["cover"] ==
        "Chỉ được dùng ảnh bìa do chính bạn tải lên. Hãy tải ảnh lên lại.");

  json with_own = article;
  with_own["cover"] = own;
  const auto created = news.post("/api/v1/news", with_own, officer);
  REQUIRE_MESSAGE(created.status == 201, created.body);
  const std::string path =
      "/api/v1/news/" + std::to_string(body_of(created)["article"]["id"].get<long long>());
  // Sending the cover it already has back with an edit is fine; switching to another's is not.
  CHECK(news.patch(path, {{"title", "Tiêm chủng mở rộng"}, {"cover", own}}, officer).status == 200);
  CHECK(news.patch(path, {{"cover", others}}, officer).status == 422);
}
