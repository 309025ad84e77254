// Photo uploads: the per-account daily quota (count and bytes), and the purge of photos nothing
// refers to a day after their upload. Through the router, with the real photo store and the
// harness clock.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <map>

#include "integrations/media_test_support.h"
#include "modules/feedback/feedback_harness.h"
#include "modules/media/purge.h"
#include "modules/media/routes.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using json = nlohmann::json;

namespace {

struct MediaBounds {
  FeedbackHarness h;

  MediaBounds() {
    register_media_routes(
        h.router(), {.database = h.database(),
                     .sessions = accounts::Sessions(h.database(), {.now = h.clock.function()}),
                     .store = *h.media_store});
  }

  http::Response upload(const std::string& cookie, std::string body) {
    http::Request request = make_request("POST", "/api/v1/media");
    request.headers.add("Content-Type", "image/png");
    request.headers.add("Cookie", "cdscb_session=" + cookie);
    request.body = std::move(body);
    return h.router().dispatch(request);
  }

  std::string upload_id(const std::string& cookie, const std::string& body) {
    const auto response = upload(cookie, body);
    REQUIRE_MESSAGE(response.status == 201, response.body);
    const json media = body_of(response)["media"];
    urls[media["id"]] = media["url"];
    return media["id"];
  }

  // GET of the photo's URL as the upload gave it.
  int served(const std::string& id) {
    http::Request request = make_request("GET", urls.at(id));
    return h.router().dispatch(request).status;
  }

  std::map<std::string, std::string> urls;

  long long purge() {
    return media::purge_unreferenced_media(h.database(), *h.media_store,
                                           accounts::unix_seconds(h.clock.now()));
  }
};

}  // namespace

TEST_CASE("photo uploads have a daily quota per account: count and bytes") {
  MediaBounds m;
  const std::string citizen = m.h.citizen("0987654321");
  const std::string photo = make_png(40, 30);
  for (long long i = 0; i < kUploadsPerDay.limit; ++i) {
    REQUIRE(m.upload(citizen, photo).status == 201);
  }
  // 05:00 UTC: the day has 19 hours left.
  const auto refused = m.upload(citizen, photo);
  REQUIRE(refused.status == 429);
  CHECK(refused.headers.get("Retry-After").value_or("") == "68400");
  CHECK(body_of(refused)["error"]["message"] ==
        "Bạn đã tải lên quá nhiều ảnh hôm nay. Hãy thử lại sau 19 giờ.");
  CHECK(m.upload(m.h.citizen("0987654322"), photo).status == 201);
  m.h.clock.advance(std::chrono::hours(19));
  CHECK(m.upload(citizen, photo).status == 201);

  // Bytes: what was sent counts, kept or refused as not a photo; 15 × 10 MB is the day's 150 MB.
  const std::string heavy = m.h.citizen("0987654323");
  const std::string junk(media::kMaxUploadBytes, 'x');
  for (long long sent = 0; sent + static_cast<long long>(junk.size()) <= kUploadBytesPerDay.limit;
       sent += static_cast<long long>(junk.size())) {
    REQUIRE(m.upload(heavy, junk).status == 415);
  }
  CHECK(m.upload(heavy, junk).status == 429);
  CHECK(m.upload(heavy, photo).status == 429);
}

TEST_CASE("photos nothing refers to are purged after a day; referenced ones never") {
  MediaBounds m;
  const std::string citizen = m.h.citizen("0987654321");
  const std::string officer = m.h.official("officer", "0900000102", "so-xay-dung");
  const std::string in_feedback = m.upload_id(citizen, make_png(40, 30));
  const std::string in_answer = m.upload_id(officer, make_png(41, 30));
  const std::string in_article = m.upload_id(officer, make_png(42, 30));
  const std::string unused = m.upload_id(citizen, make_png(43, 30));
  const std::string uploaded_again = m.upload_id(citizen, make_png(44, 30));

  json body = draft();
  body["photos"] = {in_feedback};
  const auto created = m.h.send(body, citizen, new_key());
  REQUIRE_MESSAGE(created.status == 201, created.body);
  const long long id = body_of(created)["feedback"]["id"];
  REQUIRE(m.h.act(id, {{"action", "receive"}}, officer).status == 200);
  const auto answered = m.h.act(
      id, {{"action", "resolve"}, {"note", "Đã vá ổ gà."}, {"photos", {in_answer}}}, officer);
  REQUIRE_MESSAGE(answered.status == 200, answered.body);
  {
    soci::session sql(m.h.database().pool());
    sql << "INSERT INTO news_articles (title, summary, body, search_text, cover_media, "
           "created_at, updated_at) VALUES ('Tin', 'Tóm tắt', '[]', 'tin', :media, 0, 0)",
        soci::use(in_article);
  }

  // Not yet a day: nothing goes.
  m.h.clock.advance(std::chrono::hours(20));
  CHECK(m.purge() == 0);
  // Uploaded again 20 hours on: its day starts over.
  CHECK(m.upload_id(citizen, make_png(44, 30)) == uploaded_again);
  m.h.clock.advance(std::chrono::hours(4) + std::chrono::seconds(1));
  CHECK(m.purge() == 1);
  CHECK(m.served(unused) == 404);
  CHECK(m.h.count_rows("media", "id = '" + unused + "'") == 0);
  for (const std::string& kept : {in_feedback, in_answer, in_article, uploaded_again}) {
    CHECK(m.served(kept) == 200);
    CHECK(m.h.count_rows("media", "id = '" + kept + "'") == 1);
  }
  // A month on, the referenced ones are still there; the one uploaded again is not.
  m.h.clock.advance(std::chrono::hours(24 * 30));
  CHECK(m.purge() == 1);
  CHECK(m.served(uploaded_again) == 404);
  for (const std::string& kept : {in_feedback, in_answer, in_article}) {
    CHECK(m.served(kept) == 200);
  }
  const json detail =
      body_of(m.h.get("/api/v1/feedback/" + std::to_string(id), {.cookie = citizen}));
  CHECK(detail["feedback"]["photos"][0]["id"] == in_feedback);
}
