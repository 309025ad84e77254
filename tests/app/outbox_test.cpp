// The feedback outbox as the rest of the app sees it: what goes on the wire (photo uploads, then
// the POST with its Idempotency-Key), when it goes again, and what a reload finds in the store.
#include "app/state/outbox.h"

#include <doctest/doctest.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "app/platform/idb_store.h"
#include "tests/app/fake_platform.h"
#include "tests/app/fake_transport.h"

namespace {

using nlohmann::json;

// One page of the app: its client, its platform replies and its outbox. A reload is a new Page
// over the same (fake) IndexedDB.
struct Page {
  api::Client api;
  state::Replies replies;
  state::Outbox outbox;

  // A few frames at time `now`, the store answering between them.
  void frames(double now) {
    for (int i = 0; i < 6; ++i) {
      outbox.update(api, replies, now);
      fake::answer_idb(replies);
    }
  }
};

void fresh_start() {
  state::Replies stale;
  fake::answer_idb(stale);  // calls left over from another test
  fake::idb().clear();
  fake::sent().clear();
  fake::uploads().clear();
  fake::wakes_after().clear();
}

state::FeedbackForm form(const std::string& title, int photos = 0) {
  state::FeedbackForm f;
  f.draft.title = title;
  f.draft.content = "Nội dung của " + title;
  f.draft.field = "giao-thong";
  f.draft.location = core::FeedbackLocation{22.666, 106.258, 12.0};
  for (int i = 0; i < photos; ++i) {
    const std::string key = "photo/" + title + "-" + std::to_string(i);
    f.photos.push_back({key, "blob:picked-" + std::to_string(i), ""});
    f.draft.photos.push_back("");
  }
  return f;
}

// The photos of a form go into the store the way the form puts them there.
void keep_photos(const state::FeedbackForm& f) {
  state::Replies replies;
  for (const auto& p : f.photos) replies.expect(platform::idb::put_blob(p.key, p.url));
  fake::answer_idb(replies);
}

std::vector<fake::SentRequest> posts() {
  std::vector<fake::SentRequest> out;
  for (const auto& r : fake::sent())
    if (r.method == "POST" && r.path == "/api/v1/feedback") out.push_back(r);
  return out;
}

std::string reply(int status, const json& body) {
  return json{{"status", status}, {"body", body.is_null() ? "" : body.dump()}}.dump();
}

json created(long long id) { return {{"feedback", {{"id", id}, {"status", "submitted"}}}}; }

int saved_with_prefix(const std::string& prefix) {
  int n = 0;
  for (const auto& [key, value] : fake::idb()) n += key.starts_with(prefix);
  return n;
}

}  // namespace

TEST_CASE("outbox: the Idempotency-Key stays the same over retries and over a reload") {
  fresh_start();
  auto page = std::make_unique<Page>();
  page->frames(0);
  const std::string key = state::new_idempotency_key();
  CHECK(key.size() == 32);
  CHECK(key != state::new_idempotency_key());
  page->outbox.add(form("Cây đổ chắn đường"), key);
  page->frames(0);
  REQUIRE(posts().size() == 1);
  CHECK(posts()[0].idempotency_key == key);
  CHECK(json::parse(posts()[0].body)["title"] == "Cây đổ chắn đường");

  // No answer (offline): the same request again after the backoff.
  page->api.deliver(posts()[0].id, reply(0, nullptr));
  page->frames(10);
  CHECK(posts().size() == 1);
  page->frames(12);
  REQUIRE(posts().size() == 2);
  CHECK(posts()[1].idempotency_key == key);

  // The page reloads with the POST unanswered: the item is still there, sent under its key.
  page = std::make_unique<Page>();
  CHECK(page->outbox.waiting().empty());
  page->frames(0);
  REQUIRE(page->outbox.waiting().size() == 1);
  CHECK(page->outbox.waiting()[0].form.draft.title == "Cây đổ chắn đường");
  REQUIRE(posts().size() == 3);
  CHECK(posts()[2].idempotency_key == key);

  page->api.deliver(posts()[2].id, reply(201, created(41)));
  page->frames(0);
  CHECK(page->outbox.waiting().empty());
  CHECK(page->outbox.sent_count() == 1);
  CHECK(page->outbox.last_sent_id() == 41);
  CHECK(saved_with_prefix("outbox/") == 0);
  page = std::make_unique<Page>();
  page->frames(0);
  CHECK(page->outbox.waiting().empty());
  CHECK(posts().size() == 3);
}

TEST_CASE("outbox: a server error or no network is retried later, waiting longer each time") {
  fresh_start();
  Page page;
  page.frames(100);
  page.outbox.add(form("Đèn đường hỏng"), state::new_idempotency_key());
  page.outbox.add(form("Rác thải ven suối"), state::new_idempotency_key());
  page.frames(100);
  REQUIRE(posts().size() == 1);
  page.api.deliver(posts()[0].id, reply(503, json{{"error", {{"message", "Máy chủ bận."}}}}));
  page.frames(100);
  page.frames(101.9);
  CHECK(posts().size() == 1);  // not before 2 s
  page.frames(102);
  REQUIRE(posts().size() == 2);
  CHECK(json::parse(posts()[1].body)["title"] == "Đèn đường hỏng");
  page.api.deliver(posts()[1].id, reply(0, nullptr));
  page.frames(102);
  page.frames(105.9);
  CHECK(posts().size() == 2);  // then 4 s
  page.frames(106);
  REQUIRE(posts().size() == 3);
  CHECK(fake::wakes_after() == std::vector<double>{2, 4});
  CHECK(page.outbox.waiting().size() == 2);
  CHECK(page.outbox.refused().empty());

  // Delivered: the next one goes at once, in the order they were added.
  page.api.deliver(posts()[2].id, reply(201, created(7)));
  page.frames(106);
  REQUIRE(posts().size() == 4);
  CHECK(json::parse(posts()[3].body)["title"] == "Rác thải ven suối");
  CHECK(posts()[3].idempotency_key != posts()[2].idempotency_key);
  page.api.deliver(posts()[3].id, reply(201, created(8)));
  page.frames(106);
  CHECK(page.outbox.waiting().empty());
  CHECK(page.outbox.sent_count() == 2);
}

TEST_CASE("outbox: a refusal (4xx) is not retried and is kept, with its message, over a reload") {
  fresh_start();
  auto page = std::make_unique<Page>();
  page->frames(0);
  state::FeedbackForm f = form("Sạt lở taluy", 1);
  keep_photos(f);
  const std::string key = state::new_idempotency_key();
  page->outbox.add(f, key);
  page->frames(0);
  REQUIRE(fake::uploads().size() == 1);
  page->replies.deliver(fake::uploads()[0].id,
                        reply(201, json{{"media", {{"id", std::string(64, 'a')}}}}));
  page->frames(0);
  REQUIRE(posts().size() == 1);
  const json refusal = {{"error",
                         {{"code", "validation_failed"},
                          {"message", "Thông tin chưa hợp lệ."},
                          {"fields", {{"field", "Lĩnh vực không tồn tại."}}}}}};
  page->api.deliver(posts()[0].id, reply(422, refusal));
  page->frames(0);
  CHECK(page->outbox.waiting().empty());
  REQUIRE(page->outbox.refused().size() == 1);
  CHECK(page->outbox.refused()[0].summary() == "Lĩnh vực không tồn tại.");
  page->frames(500);
  CHECK(posts().size() == 1);  // never sent again by itself

  page = std::make_unique<Page>();
  page->frames(0);
  CHECK(page->outbox.waiting().empty());
  REQUIRE(page->outbox.refused().size() == 1);
  const state::RefusedFeedback& kept = page->outbox.refused()[0];
  CHECK(kept.key == key);
  CHECK(kept.form.draft.title == "Sạt lở taluy");
  CHECK(kept.form.draft.field == "giao-thong");
  CHECK(kept.error.message == "Thông tin chưa hợp lệ.");
  CHECK(kept.error.field("field") == "Lĩnh vực không tồn tại.");
  REQUIRE(kept.form.photos.size() == 1);
  CHECK(kept.form.photos[0].media_id == std::string(64, 'a'));
  CHECK(fake::idb().count(kept.form.photos[0].key) == 1);  // the photo is kept too
  CHECK(posts().size() == 1);

  // What the citizen fixed so far is kept as well.
  state::FeedbackForm fixed = kept.form;
  fixed.draft.field = "moi-truong";
  page->outbox.keep_refused_edit(key, fixed);
  page->frames(0);
  page = std::make_unique<Page>();
  page->frames(0);
  REQUIRE(page->outbox.refused().size() == 1);
  CHECK(page->outbox.refused()[0].form.draft.field == "moi-truong");

  // Given up: gone from the store with its photo.
  const std::string photo = page->outbox.refused()[0].form.photos[0].key;
  page->outbox.forget_refused(key, /*drop_photos=*/true);
  page->frames(0);
  CHECK(page->outbox.refused().empty());
  CHECK(fake::idb().count(photo) == 0);
  page = std::make_unique<Page>();
  page->frames(0);
  CHECK(page->outbox.refused().empty());
}

TEST_CASE("outbox: a signed-out answer (401) waits for the next sign-in instead of refusing") {
  fresh_start();
  Page page;
  page.frames(0);
  page.outbox.add(form("Nước sinh hoạt đục"), state::new_idempotency_key());
  page.frames(0);
  REQUIRE(posts().size() == 1);
  page.api.deliver(posts()[0].id,
                   reply(401, json{{"error", {{"code", "unauthenticated"}, {"message", "x"}}}}));
  page.frames(0);
  CHECK(page.outbox.refused().empty());
  CHECK(page.outbox.waiting().size() == 1);
  page.frames(2);
  CHECK(posts().size() == 2);
}

TEST_CASE("outbox: photos are uploaded before the feedback, each once, even over a reload") {
  fresh_start();
  auto page = std::make_unique<Page>();
  page->frames(0);
  state::FeedbackForm f = form("Ổ gà trên đường Kim Đồng", 2);
  keep_photos(f);
  const std::string key = state::new_idempotency_key();
  page->outbox.add(f, key);
  page->frames(0);
  // The first photo goes up (a fresh copy of its stored blob); nothing else yet.
  REQUIRE(fake::uploads().size() == 1);
  CHECK(fake::uploads()[0].path == "/api/v1/media");
  CHECK(fake::uploads()[0].blob_url == "blob:copy-of-" + f.photos[0].key);
  CHECK(posts().empty());
  const std::string first(64, '1'), second(64, '2');
  page->replies.deliver(fake::uploads()[0].id, reply(201, json{{"media", {{"id", first}}}}));
  page->frames(0);
  REQUIRE(fake::uploads().size() == 2);
  CHECK(fake::uploads()[1].blob_url == "blob:copy-of-" + f.photos[1].key);
  CHECK(posts().empty());

  // A reload before the second upload is answered: only the second goes up again.
  page = std::make_unique<Page>();
  page->frames(0);
  REQUIRE(fake::uploads().size() == 3);
  CHECK(fake::uploads()[2].blob_url == "blob:copy-of-" + f.photos[1].key);
  CHECK(posts().empty());
  page->replies.deliver(fake::uploads()[2].id, reply(201, json{{"media", {{"id", second}}}}));
  page->frames(0);
  REQUIRE(posts().size() == 1);
  CHECK(posts()[0].idempotency_key == key);
  CHECK(json::parse(posts()[0].body)["photos"] == json::array({first, second}));

  // Sent: the record and the photos' blobs leave the store.
  page->api.deliver(posts()[0].id, reply(201, created(3)));
  page->frames(0);
  CHECK(page->outbox.waiting().empty());
  CHECK(fake::idb().empty());
}

TEST_CASE("outbox: a failed photo upload is retried like the feedback itself") {
  fresh_start();
  Page page;
  page.frames(0);
  state::FeedbackForm f = form("Cống thoát nước tắc", 1);
  keep_photos(f);
  page.outbox.add(f, state::new_idempotency_key());
  page.frames(0);
  REQUIRE(fake::uploads().size() == 1);
  page.replies.deliver(fake::uploads()[0].id, reply(0, nullptr));
  page.frames(0);
  page.frames(1);
  CHECK(fake::uploads().size() == 1);
  CHECK(posts().empty());
  page.frames(2);
  REQUIRE(fake::uploads().size() == 2);
  CHECK(posts().empty());
}
