// The outbox as the rest of the app sees it: what goes on the wire (photo uploads, then the POST
// with its Idempotency-Key), when it goes again, what a reload finds in the store, and whose it
// is: an item goes out only in its owner's name, held while they are signed out.
#include "app/state/outbox.h"

#include <doctest/doctest.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "app/platform/idb_store.h"
#include "app/state/device_keys.h"
#include "app/state/dossier_outbox.h"
#include "app/state/feedback_form.h"
#include "tests/app/fake_platform.h"
#include "tests/app/fake_transport.h"

using namespace cdscb;
using namespace cdscb::app;

namespace {

using nlohmann::json;

const std::string kAn = "11", kBinh = "12";  // two accounts on one family phone

state::User user(const std::string& id) {
  state::User u;
  u.id = id;
  u.full_name = "Người dùng " + id;
  return u;
}

// One page of the app: its client, its platform replies, its session and its outbox. A reload is
// a new Page over the same (fake) IndexedDB and localStorage; the server confirms An at once.
struct Page {
  api::Client api;
  state::Replies replies;
  state::Session session;
  state::Outbox outbox;

  explicit Page(const std::string& signed_in = kAn) {
    session.restore();
    if (!signed_in.empty()) session.signed_in(user(signed_in));
  }
  // A few frames at time `now`, the store answering between them.
  void frames(double now) {
    for (int i = 0; i < 6; ++i) {
      session.update(api);
      outbox.update(api, replies, session, now);
      fake::answer_idb(replies);
    }
  }
  void add(const state::FeedbackForm& f, const std::string& key) {
    outbox.add(state::feedback_item(session.owner(), f, key));
  }
  std::vector<const state::OutboxItem*> waiting() const {
    return outbox.waiting(session.owner(), state::kFeedbackKind);
  }
  std::vector<const state::RefusedItem*> refused() const {
    return outbox.refused(session.owner(), state::kFeedbackKind);
  }
};

void fresh_start() {
  state::Replies stale;
  fake::answer_idb(stale);  // calls left over from another test
  fake::idb().clear();
  fake::sent().clear();
  fake::uploads().clear();
  fake::wakes_after().clear();
  fake::storage().clear();
}

state::FeedbackForm form(const std::string& title, int photos = 0) {
  state::FeedbackForm f;
  f.draft.title = title;
  f.draft.content = "Nội dung của " + title;
  f.draft.field = "giao-thong";
  f.draft.location = core::FeedbackLocation{22.666, 106.258, 12.0};
  for (int i = 0; i < photos; ++i) {
    const std::string key = state::account_prefix(kAn) + "photo/" + title + "-" + std::to_string(i);
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
  page->add(form("Cây đổ chắn đường"), key);
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
  CHECK(page->waiting().empty());
  page->frames(0);
  REQUIRE(page->waiting().size() == 1);
  CHECK(page->waiting()[0]->form["title"] == "Cây đổ chắn đường");
  REQUIRE(posts().size() == 3);
  CHECK(posts()[2].idempotency_key == key);

  page->api.deliver(posts()[2].id, reply(201, created(41)));
  page->frames(0);
  CHECK(page->waiting().empty());
  CHECK(page->outbox.sent_count() == 1);
  CHECK(page->outbox.last_sent_id() == 41);
  CHECK(saved_with_prefix(state::account_prefix(kAn) + "outbox/") == 0);
  page = std::make_unique<Page>();
  page->frames(0);
  CHECK(page->waiting().empty());
  CHECK(posts().size() == 3);
}

TEST_CASE("outbox: a server error or no network is retried later, waiting longer each time") {
  fresh_start();
  Page page;
  page.frames(100);
  page.add(form("Đèn đường hỏng"), state::new_idempotency_key());
  page.add(form("Rác thải ven suối"), state::new_idempotency_key());
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
  CHECK(page.waiting().size() == 2);
  CHECK(page.refused().empty());

  // Delivered: the next one goes at once, in the order they were added.
  page.api.deliver(posts()[2].id, reply(201, created(7)));
  page.frames(106);
  REQUIRE(posts().size() == 4);
  CHECK(json::parse(posts()[3].body)["title"] == "Rác thải ven suối");
  CHECK(posts()[3].idempotency_key != posts()[2].idempotency_key);
  page.api.deliver(posts()[3].id, reply(201, created(8)));
  page.frames(106);
  CHECK(page.waiting().empty());
  CHECK(page.outbox.sent_count() == 2);
}

TEST_CASE("outbox: a refusal (4xx) is not retried and is kept, with its message, over a reload") {
  fresh_start();
  auto page = std::make_unique<Page>();
  page->frames(0);
  state::FeedbackForm f = form("Sạt lở taluy", 1);
  keep_photos(f);
  const std::string key = state::new_idempotency_key();
  page->add(f, key);
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
  CHECK(page->waiting().empty());
  REQUIRE(page->refused().size() == 1);
  CHECK(page->refused()[0]->summary() == "Lĩnh vực không tồn tại.");
  page->frames(500);
  CHECK(posts().size() == 1);  // never sent again by itself

  page = std::make_unique<Page>();
  page->frames(0);
  CHECK(page->waiting().empty());
  REQUIRE(page->refused().size() == 1);
  const state::RefusedItem& kept = *page->refused()[0];
  const state::FeedbackForm kept_form = state::feedback_form(kept.item);
  CHECK(kept.item.key == key);
  CHECK(kept.item.owner == kAn);
  CHECK(kept_form.draft.title == "Sạt lở taluy");
  CHECK(kept_form.draft.field == "giao-thong");
  CHECK(kept.error.message == "Thông tin chưa hợp lệ.");
  CHECK(kept.error.field("field") == "Lĩnh vực không tồn tại.");
  REQUIRE(kept_form.photos.size() == 1);
  CHECK(kept_form.photos[0].media_id == std::string(64, 'a'));
  CHECK(fake::idb().count(kept_form.photos[0].key) == 1);  // the photo is kept too
  CHECK(posts().size() == 1);

  // What the citizen fixed so far is kept as well.
  state::FeedbackForm fixed = kept_form;
  fixed.draft.field = "moi-truong";
  page->outbox.keep_refused_edit(state::feedback_item(kAn, fixed, key));
  page->frames(0);
  page = std::make_unique<Page>();
  page->frames(0);
  REQUIRE(page->refused().size() == 1);
  CHECK(state::feedback_form(page->refused()[0]->item).draft.field == "moi-truong");

  // Given up: gone from the store with its photo.
  const std::string photo = page->refused()[0]->item.uploads[0].key;
  page->outbox.forget_refused(kAn, key, /*drop_uploads=*/true);
  page->frames(0);
  CHECK(page->refused().empty());
  CHECK(fake::idb().count(photo) == 0);
  page = std::make_unique<Page>();
  page->frames(0);
  CHECK(page->refused().empty());
}

TEST_CASE("outbox: a signed-out answer (401) waits for the next sign-in instead of refusing") {
  fresh_start();
  Page page;
  page.frames(0);
  const std::string key = state::new_idempotency_key();
  page.add(form("Nước sinh hoạt đục"), key);
  page.frames(0);
  REQUIRE(posts().size() == 1);
  page.api.deliver(posts()[0].id,
                   reply(401, json{{"error", {{"code", "unauthenticated"}, {"message", "x"}}}}));
  page.frames(0);
  CHECK(!page.session.user());  // the session ended
  page.frames(100);
  CHECK(posts().size() == 1);  // held while nobody is signed in
  page.session.signed_in(user(kAn));
  CHECK(page.outbox.refused(kAn, state::kFeedbackKind).empty());
  CHECK(page.waiting().size() == 1);
  page.frames(100);
  REQUIRE(posts().size() == 2);
  CHECK(posts()[1].idempotency_key == key);
  CHECK(posts()[1].body == posts()[0].body);
}

TEST_CASE("outbox: items belong to their account; another account neither sees nor sends them") {
  fresh_start();
  auto page = std::make_unique<Page>(kAn);
  page->frames(0);
  const std::string an_key = state::new_idempotency_key();
  page->add(form("Của An"), an_key);
  page->frames(0);
  REQUIRE(posts().size() == 1);
  page->api.deliver(posts()[0].id, reply(0, nullptr));  // offline
  page->frames(0);
  CHECK(saved_with_prefix(state::account_prefix(kAn) + "outbox/") == 1);

  // An signs out, Bình signs in on the same phone (the page reloads in between).
  page->session.signed_out();
  CHECK(page->waiting().empty());
  page->frames(500);
  CHECK(posts().size() == 1);
  page = std::make_unique<Page>(kBinh);
  page->frames(0);
  page->frames(500);
  CHECK(page->waiting().empty());
  CHECK(page->refused().empty());
  CHECK(page->outbox.find_refused(kBinh, an_key) == nullptr);
  CHECK(posts().size() == 1);  // nothing in An's name while Bình is signed in

  // Bình's own feedback goes, alone.
  page->add(form("Của Bình"), state::new_idempotency_key());
  page->frames(500);
  REQUIRE(posts().size() == 2);
  CHECK(json::parse(posts()[1].body)["title"] == "Của Bình");
  page->api.deliver(posts()[1].id, reply(201, created(5)));
  page->frames(500);
  CHECK(posts().size() == 2);

  // An signs in again: hers goes, once, under the key it was made with.
  page->session.signed_out();
  page->session.signed_in(user(kAn));
  REQUIRE(page->waiting().size() == 1);
  page->frames(500);
  REQUIRE(posts().size() == 3);
  CHECK(posts()[2].idempotency_key == an_key);
  CHECK(posts()[2].body == posts()[0].body);
  page->api.deliver(posts()[2].id, reply(201, created(6)));
  page->frames(500);
  CHECK(page->waiting().empty());
  CHECK(posts().size() == 3);
  CHECK(saved_with_prefix(state::kAllAccountsPrefix.data()) == 0);
}

TEST_CASE("outbox: a sign-out in the middle of sending stops it before the next step") {
  fresh_start();
  Page page;
  page.frames(0);
  state::FeedbackForm f = form("Hai ảnh", 2);
  keep_photos(f);
  const std::string key = state::new_idempotency_key();
  page.add(f, key);
  page.frames(0);
  REQUIRE(fake::uploads().size() == 1);
  page.session.signed_out();
  page.replies.deliver(fake::uploads()[0].id,
                       reply(201, json{{"media", {{"id", std::string(64, '1')}}}}));
  page.frames(0);
  page.frames(500);
  CHECK(fake::uploads().size() == 1);  // the second photo waits
  CHECK(posts().empty());

  // Back as An: the first photo is not uploaded again.
  page.session.signed_in(user(kAn));
  page.frames(500);
  REQUIRE(fake::uploads().size() == 2);
  CHECK(fake::uploads()[1].blob_url == "blob:copy-of-" + f.photos[1].key);
  page.replies.deliver(fake::uploads()[1].id,
                       reply(201, json{{"media", {{"id", std::string(64, '2')}}}}));
  page.frames(500);
  REQUIRE(posts().size() == 1);
  CHECK(posts()[0].idempotency_key == key);
  CHECK(json::parse(posts()[0].body)["photos"].size() == 2);
}

TEST_CASE(
    "outbox: reopened offline, the remembered account sees its items; they go once confirmed") {
  fresh_start();
  auto page = std::make_unique<Page>(kAn);
  page->frames(0);
  page->add(form("Mở lại khi mất sóng"), state::new_idempotency_key());
  page = std::make_unique<Page>("");  // reopened: the server has not answered yet
  page->frames(0);
  CHECK(page->session.owner() == kAn);
  CHECK(!page->session.confirmed());
  CHECK(page->waiting().size() == 1);
  const auto before = posts().size();
  page->frames(500);
  CHECK(posts().size() == before);     // not in An's name before the server says so
  page->session.signed_in(user(kAn));  // as /api/v1/me answers
  page->frames(500);
  CHECK(posts().size() == before + 1);
}

TEST_CASE("outbox: another tab signing in as someone else holds this tab's items") {
  fresh_start();
  Page page;
  page.frames(0);
  Page other(kBinh);  // same localStorage: it now names Bình
  page.add(form("Hai thẻ"), state::new_idempotency_key());
  page.frames(0);
  CHECK(posts().empty());
  other.session.signed_out();
  page.session.signed_in(user(kAn));
  page.frames(0);
  CHECK(posts().size() == 1);
}

TEST_CASE("outbox: deleting an account removes everything the device keeps for it") {
  fresh_start();
  auto page = std::make_unique<Page>(kBinh);
  page->frames(0);
  page->add(form("Của Bình"), state::new_idempotency_key());
  page->session.signed_out();
  page->session.signed_in(user(kAn));
  state::FeedbackForm f = form("Của An", 1);
  keep_photos(f);
  page->add(f, state::new_idempotency_key());
  fake::idb()[state::account_prefix(kAn) + "draft/feedback"] = "{}";
  page->frames(0);
  REQUIRE(fake::uploads().size() == 1);  // in flight when the account goes
  page->outbox.erase_account(kAn, page->replies);
  page->session.signed_out();
  page->frames(0);
  page->replies.deliver(fake::uploads()[0].id,
                        reply(201, json{{"media", {{"id", std::string(64, '3')}}}}));
  page->frames(0);
  CHECK(saved_with_prefix(state::account_prefix(kAn)) == 0);
  CHECK(saved_with_prefix(state::account_prefix(kBinh) + "outbox/") == 1);
  CHECK(page->outbox.waiting(kAn, state::kFeedbackKind).empty());
  page = std::make_unique<Page>(kAn);
  page->frames(0);
  CHECK(page->waiting().empty());
  CHECK(posts().empty());
  CHECK(fake::uploads().size() == 1);
}

TEST_CASE("outbox: photos are uploaded before the feedback, each once, even over a reload") {
  fresh_start();
  auto page = std::make_unique<Page>();
  page->frames(0);
  state::FeedbackForm f = form("Ổ gà trên đường Kim Đồng", 2);
  keep_photos(f);
  const std::string key = state::new_idempotency_key();
  page->add(f, key);
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
  CHECK(page->waiting().empty());
  CHECK(fake::idb().empty());
}

TEST_CASE("outbox: a failed photo upload is retried like the feedback itself") {
  fresh_start();
  Page page;
  page.frames(0);
  state::FeedbackForm f = form("Cống thoát nước tắc", 1);
  keep_photos(f);
  page.add(f, state::new_idempotency_key());
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

TEST_CASE(
    "outbox: a dossier's files go to /api/v1/dossiers/files, then the dossier with their ids") {
  fresh_start();
  auto page = std::make_unique<Page>();
  page->frames(0);
  const std::string photo = state::account_prefix(kAn) + "photo/to-khai-1";
  {
    state::Replies replies;
    replies.expect(platform::idb::put_blob(photo, "blob:picked-to-khai"));
    fake::answer_idb(replies);
  }
  const std::string uploaded(64, 'a'), sent_later(64, 'b');
  const json submission = {
      {"procedure", "MAU-LLTP-01"},
      {"version", 1},
      {"values", {{"ho_ten", "Bế Thị Lan"}}},
      {"papers", {{"uy_quyen", json::array({{{"media", uploaded}, {"kind", "pdf"}}})}}}};
  const std::string key = state::new_idempotency_key();
  page->outbox.add({.kind = std::string(state::kDossierKind),
                    .owner = kAn,
                    .key = key,
                    .form = {{"submission", submission},
                             {"pending", json::array({{{"paper", "to_khai"}, {"kind", "image"}}})}},
                    .uploads = {{photo, ""}}});
  page->frames(0);
  REQUIRE(fake::uploads().size() == 1);
  CHECK(fake::uploads()[0].path == "/api/v1/dossiers/files");
  page->replies.deliver(fake::uploads()[0].id,
                        reply(201, json{{"file", {{"id", sent_later}, {"kind", "image"}}}}));
  page->frames(0);
  std::vector<fake::SentRequest> dossiers;
  for (const auto& r : fake::sent())
    if (r.method == "POST" && r.path == "/api/v1/dossiers") dossiers.push_back(r);
  REQUIRE(dossiers.size() == 1);
  CHECK(dossiers[0].idempotency_key == key);
  const json body = json::parse(dossiers[0].body);
  CHECK(body["values"]["ho_ten"] == "Bế Thị Lan");
  CHECK(body["papers"]["uy_quyen"][0]["media"] == uploaded);
  CHECK(body["papers"]["to_khai"] == json::array({{{"media", sent_later}, {"kind", "image"}}}));

  // Filed: the page that sent it learns its code by its key.
  page->api.deliver(dossiers[0].id,
                    reply(201, json{{"dossier", {{"code", "000.00.02.H13-261207-0001"}}}}));
  page->frames(0);
  CHECK(page->outbox.last_sent_key() == key);
  CHECK(page->outbox.last_sent_code() == "000.00.02.H13-261207-0001");
  CHECK(page->outbox.waiting(kAn, state::kDossierKind).empty());
  CHECK(fake::idb().empty());
}
