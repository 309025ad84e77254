// Who may call what: every route the server registers (the router's own list, built by the same
// register_modules as main.cpp) has a row here saying what each kind of caller gets. "ok" means
// the policy lets the caller through (any answer but 401 and 403: a 2xx, or a 4xx about the body
// or the state, such as 409 or 422); "login" is 401, "deny" 403, and "hide" the 404 with which a
// policy hides a record the caller may not know of. A route added without a row fails the test
// with its name, and so does a row for a route that is gone.
//
// The records: a feedback (field "giao-thong", so of agency so-xay-dung) by another citizen, with
// that citizen's photo, not published; a draft article and an alert by an officer of so-xay-dung;
// an Open311 key and a holiday made by an admin; the first directory entry; the author's session.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "db/test_database.h"
#include "modules/authz_world.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;

namespace {

enum Expect { ok, login, deny, hide };

struct Row {
  const char* method;
  const char* pattern;  // as registered
  const char* target;   // the pattern with records filled in ("{name}": see Fixtures)
  const char* body;     // JSON, or "" for none
  // The signed out, a citizen (not the author), an officer of the record's agency, an officer of
  // another agency, an admin.
  Expect anonymous, citizen, officer_same, officer_other, admin;
};

constexpr const char* kFeedback =
    R"({"title":"Đèn đường hỏng","content":"Đèn đường trước số 5 không sáng.",)"
    R"("field":"giao-thong","location":{"lat":22.666,"lng":106.258},"photos":[]})";

// clang-format off
constexpr Row kMatrix[] = {
  // Health, configuration, reference data: public.
  {"GET", "/api/v1/health", "/api/v1/health", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/config", "/api/v1/config", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/communes", "/api/v1/communes", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/agencies", "/api/v1/agencies", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/feedback/fields", "/api/v1/feedback/fields", "", ok, ok, ok, ok, ok},

  // Accounts: signing up, in and out is for anyone; the rest is one's own account.
  {"POST", "/api/v1/accounts/register", "/api/v1/accounts/register",
   R"({"full_name":"Nông Văn Dũng","phone":"0987000001","password":"ngan"})", ok, ok, ok, ok, ok},
  {"POST", "/api/v1/accounts/resend", "/api/v1/accounts/resend", R"({"phone":"0987000002"})",
   ok, ok, ok, ok, ok},
  {"POST", "/api/v1/accounts/verify", "/api/v1/accounts/verify",
   R"({"phone":"0987000003","code":"000000"})", ok, ok, ok, ok, ok},
  {"POST", "/api/v1/sessions", "/api/v1/sessions", R"({"phone":"{phone}","password":"{password}"})",
   ok, ok, ok, ok, ok},
  {"DELETE", "/api/v1/sessions/current", "/api/v1/sessions/current", "", ok, ok, ok, ok, ok},
  {"DELETE", "/api/v1/sessions", "/api/v1/sessions", "", login, ok, ok, ok, ok},
  {"POST", "/api/v1/password-resets", "/api/v1/password-resets", R"({"phone":"0987000004"})",
   ok, ok, ok, ok, ok},
  {"POST", "/api/v1/password-resets/confirm", "/api/v1/password-resets/confirm",
   R"({"phone":"0987000004","code":"000000","password":"Mat khau moi 2025"})", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/me", "/api/v1/me", "", login, ok, ok, ok, ok},
  {"PATCH", "/api/v1/me", "/api/v1/me", R"({"email":"dung@example.vn"})", login, ok, ok, ok, ok},
  {"DELETE", "/api/v1/me", "/api/v1/me", R"({"password":"{password}"})", login, ok, ok, ok, ok},
  {"GET", "/api/v1/me/export", "/api/v1/me/export", "", login, ok, ok, ok, ok},
  {"PUT", "/api/v1/me/password", "/api/v1/me/password",
   R"({"current_password":"{password}","new_password":"ngan"})", login, ok, ok, ok, ok},
  {"GET", "/api/v1/me/sessions", "/api/v1/me/sessions", "", login, ok, ok, ok, ok},
  // Another account's session: as good as missing.
  {"DELETE", "/api/v1/me/sessions/{id}", "/api/v1/me/sessions/{session}", "",
   login, hide, hide, hide, hide},
  {"DELETE", "/api/v1/me/vneid", "/api/v1/me/vneid", "", login, ok, ok, ok, ok},
  {"GET", "/api/v1/admin/users", "/api/v1/admin/users", "", login, deny, deny, deny, ok},
  // Background jobs (SMS, notifications, feed images): the dead-letter list is the admins'.
  {"GET", "/api/v1/admin/jobs", "/api/v1/admin/jobs?status=dead", "", login, deny, deny, deny, ok},
  {"POST", "/api/v1/admin/jobs/{id}/retry", "/api/v1/admin/jobs/1/retry", "{}",
   login, deny, deny, deny, ok},
  {"POST", "/api/v1/admin/users", "/api/v1/admin/users",
   R"({"role":"officer","phone":"0987000005","full_name":"Lê Thị Hoa","agency":"so-y-te",)"
   R"("password":"ngan"})", login, deny, deny, deny, ok},

  // VNeID (not configured here: every step answers that it is off, whoever asks).
  {"GET", "/api/v1/auth/vneid/start", "/api/v1/auth/vneid/start", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/auth/vneid/callback", "/api/v1/auth/vneid/callback?code=x&state=y", "",
   ok, ok, ok, ok, ok},
  {"GET", "/api/v1/auth/vneid/pending", "/api/v1/auth/vneid/pending", "", ok, ok, ok, ok, ok},
  {"POST", "/api/v1/auth/vneid/link/new", "/api/v1/auth/vneid/link/new", "{}", ok, ok, ok, ok, ok},
  {"POST", "/api/v1/auth/vneid/link/existing", "/api/v1/auth/vneid/link/existing",
   R"({"phone":"{phone}","password":"{password}"})", ok, ok, ok, ok, ok},
  {"POST", "/api/v1/auth/vneid/link/current", "/api/v1/auth/vneid/link/current",
   R"({"password":"{password}"})", login, ok, ok, ok, ok},

  // Photos: uploading needs an account; stored photos are public by their unguessable names.
  {"POST", "/api/v1/media", "/api/v1/media", "", login, ok, ok, ok, ok},
  {"GET", "/media/{name}", "/media/{photo_file}", "", ok, ok, ok, ok, ok},

  // Feedback: sent by anyone signed in; an unpublished one is seen by its author and the
  // officials who handle it, and does not exist for anyone else.
  {"POST", "/api/v1/feedback", "/api/v1/feedback", kFeedback, login, ok, ok, ok, ok},
  {"GET", "/api/v1/feedback/mine", "/api/v1/feedback/mine", "", login, ok, ok, ok, ok},
  {"GET", "/api/v1/feedback/similar", "/api/v1/feedback/similar?lat=22.666&lng=106.258",
   "", login, ok, ok, ok, ok},
  // Following unpublished feedback takes the token "similar" hands out; walking ids finds nothing.
  {"GET", "/api/v1/feedback/following", "/api/v1/feedback/following", "", login, ok, ok, ok, ok},
  {"POST", "/api/v1/feedback/following", "/api/v1/feedback/following",
   R"({"token":"khong-co"})", login, hide, hide, hide, hide},
  {"DELETE", "/api/v1/feedback/following/{token}", "/api/v1/feedback/following/khong-co", "",
   login, hide, hide, hide, hide},
  {"GET", "/api/v1/feedback/{id}", "/api/v1/feedback/{feedback}", "", hide, hide, ok, hide, ok},
  {"POST", "/api/v1/feedback/{id}/actions", "/api/v1/feedback/{feedback}/actions",
   R"({"action":"receive"})", login, deny, ok, hide, ok},
  {"POST", "/api/v1/feedback/{id}/rating", "/api/v1/feedback/{feedback}/rating",
   R"({"stars":5})", login, hide, deny, hide, deny},
  {"POST", "/api/v1/feedback/{id}/reopen", "/api/v1/feedback/{feedback}/reopen",
   R"({"reason":"Chưa sửa xong"})", login, hide, deny, hide, deny},
  {"POST", "/api/v1/feedback/{id}/follow", "/api/v1/feedback/{feedback}/follow", "",
   login, hide, ok, hide, ok},
  {"DELETE", "/api/v1/feedback/{id}/follow", "/api/v1/feedback/{feedback}/follow", "",
   login, hide, ok, hide, ok},
  {"GET", "/api/v1/public/feedback", "/api/v1/public/feedback", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/public/feedback/map", "/api/v1/public/feedback/map", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/notifications", "/api/v1/notifications", "", login, ok, ok, ok, ok},
  {"POST", "/api/v1/notifications/read", "/api/v1/notifications/read", "{}",
   login, ok, ok, ok, ok},
  {"GET", "/api/v1/officer/feedback", "/api/v1/officer/feedback", "", login, deny, ok, ok, ok},
  {"GET", "/api/v1/officer/colleagues", "/api/v1/officer/colleagues?feedback={feedback}", "",
   login, deny, ok, hide, ok},
  {"GET", "/api/v1/admin/feedback-fields", "/api/v1/admin/feedback-fields", "",
   login, deny, deny, deny, ok},
  {"POST", "/api/v1/admin/feedback-fields", "/api/v1/admin/feedback-fields",
   R"({"code":"chieu-sang","name":"Chiếu sáng","agency":"so-xay-dung","answer_days":10})",
   login, deny, deny, deny, ok},
  {"PATCH", "/api/v1/admin/feedback-fields/{code}", "/api/v1/admin/feedback-fields/giao-thong",
   R"({"answer_days":12})", login, deny, deny, deny, ok},
  {"GET", "/api/v1/admin/holidays", "/api/v1/admin/holidays", "", login, deny, deny, deny, ok},
  {"POST", "/api/v1/admin/holidays", "/api/v1/admin/holidays",
   R"({"date":"2029-09-03","name":"Nghỉ bù Quốc khánh"})", login, deny, deny, deny, ok},
  {"DELETE", "/api/v1/admin/holidays/{date}", "/api/v1/admin/holidays/{holiday}", "",
   login, deny, deny, deny, ok},
  {"GET", "/api/v1/admin/open311-keys", "/api/v1/admin/open311-keys", "",
   login, deny, deny, deny, ok},
  {"POST", "/api/v1/admin/open311-keys", "/api/v1/admin/open311-keys",
   R"({"name":"Cổng DVC quốc gia"})", login, deny, deny, deny, ok},
  {"DELETE", "/api/v1/admin/open311-keys/{id}", "/api/v1/admin/open311-keys/{key}", "",
   login, deny, deny, deny, ok},

  // Open311 GeoReport v2: public reads of published feedback; posting needs an API key, not an
  // account (an unpublished request does not exist there for anyone).
  {"GET", "/open311/v2/discovery.json", "/open311/v2/discovery.json", "", ok, ok, ok, ok, ok},
  {"GET", "/open311/v2/services.json", "/open311/v2/services.json", "", ok, ok, ok, ok, ok},
  {"GET", "/open311/v2/services/{file}", "/open311/v2/services/giao-thong.json", "",
   ok, ok, ok, ok, ok},
  {"GET", "/open311/v2/requests.json", "/open311/v2/requests.json", "", ok, ok, ok, ok, ok},
  {"POST", "/open311/v2/requests.json", "/open311/v2/requests.json",
   "api_key={api_key}&service_code=giao-thong&lat=22.666&long=106.258&description=Den+hong",
   ok, ok, ok, ok, ok},
  {"GET", "/open311/v2/requests/{file}", "/open311/v2/requests/{feedback}.json", "",
   hide, hide, hide, hide, hide},
  {"GET", "/open311/v2/tokens/{file}", "/open311/v2/tokens/khong-co.json", "",
   ok, ok, ok, ok, ok},

  // Directory: public; admins edit it.
  // Cameras: watching is public (the camera of data/cameras.csv; no NVR here, so live files
  // answer 503); the registry with its sources is the admins'.
  {"GET", "/api/v1/cameras", "/api/v1/cameras", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/cameras/{code}", "/api/v1/cameras/cb-cam-01", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/cameras/{code}/live/{file}", "/api/v1/cameras/cb-cam-01/live/master.m3u8", "",
   ok, ok, ok, ok, ok},
  {"GET", "/api/v1/cameras/{code}/snapshot.jpg", "/api/v1/cameras/cb-cam-01/snapshot.jpg", "",
   ok, ok, ok, ok, ok},
  {"GET", "/api/v1/admin/cameras", "/api/v1/admin/cameras", "", login, deny, deny, deny, ok},
  {"POST", "/api/v1/admin/cameras", "/api/v1/admin/cameras",
   R"({"code":"cb-cam-99","name":"Chợ Xanh","commune":"phuong-thuc-phan","place":"Chợ Xanh",)"
   R"("lat":22.67,"lng":106.25,"kind":"cho","source_url":"http://10.0.0.9/cho/master.m3u8"})",
   login, deny, deny, deny, ok},
  {"PATCH", "/api/v1/admin/cameras/{code}", "/api/v1/admin/cameras/cb-cam-01",
   R"({"maintenance":false})", login, deny, deny, deny, ok},
  {"GET", "/api/v1/directory", "/api/v1/directory", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/directory/{code}", "/api/v1/directory/{directory}", "", ok, ok, ok, ok, ok},
  {"PUT", "/api/v1/admin/directory/{code}", "/api/v1/admin/directory/{directory}",
   R"({"name":"Sở Xây dựng","kind":"department"})", login, deny, deny, deny, ok},
  {"DELETE", "/api/v1/admin/directory/{code}", "/api/v1/admin/directory/{directory}", "",
   login, deny, deny, deny, ok},
  {"GET", "/api/v1/admin/directory.csv", "/api/v1/admin/directory.csv", "",
   login, deny, deny, deny, ok},
  {"POST", "/api/v1/admin/directory.csv", "/api/v1/admin/directory.csv", R"({"csv":""})",
   login, deny, deny, deny, ok},

  // News: published articles and current alerts are public; officials write; an article is
  // edited and an alert taken down by its agency's officials or an admin; drafts are hidden
  // from everyone else.
  {"GET", "/api/v1/news", "/api/v1/news", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/news/categories", "/api/v1/news/categories", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/news/{id}", "/api/v1/news/{article}", "", hide, hide, ok, ok, ok},
  {"POST", "/api/v1/news", "/api/v1/news", R"({"title":"Tin mới","text":"Nội dung."})",
   login, deny, ok, ok, ok},
  {"PATCH", "/api/v1/news/{id}", "/api/v1/news/{article}", R"({"title":"Tin đã sửa"})",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/news/{id}/publish", "/api/v1/news/{article}/publish", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/news/{id}/unpublish", "/api/v1/news/{article}/unpublish", "{}",
   login, deny, ok, deny, ok},
  {"GET", "/api/v1/officer/news", "/api/v1/officer/news", "", login, deny, ok, ok, ok},
  {"GET", "/api/v1/alerts", "/api/v1/alerts", "", ok, ok, ok, ok, ok},
  {"POST", "/api/v1/alerts", "/api/v1/alerts",
   R"({"kind":"storm","title":"Bão số 3","text":"Neo đậu tàu thuyền.","expires_at":"2000-01-01T00:00:00Z"})",
   login, deny, ok, ok, ok},
  {"DELETE", "/api/v1/alerts/{id}", "/api/v1/alerts/{alert}", "", login, deny, ok, deny, ok},

  // Payments: looking up and paying bills is for anyone signed in; an order is its owner's (an
  // admin reads it too) and only the owner pays it. The gateway's two ways back are open: the
  // IPN's checksum is its authentication, and the Return URL books nothing.
  {"GET", "/api/v1/payments/providers", "/api/v1/payments/providers", "", ok, ok, ok, ok, ok},
  {"POST", "/api/v1/payments/lookup", "/api/v1/payments/lookup",
   R"({"provider":"evn","customer_code":"PA14010012345"})", login, ok, ok, ok, ok},
  {"POST", "/api/v1/payments/orders", "/api/v1/payments/orders",
   R"({"provider":"evn","customer_code":"PA14010012345","bill_ids":["x"]})", login, ok, ok, ok, ok},
  {"GET", "/api/v1/payments/orders", "/api/v1/payments/orders", "", login, ok, ok, ok, ok},
  {"GET", "/api/v1/payments/orders/{code}", "/api/v1/payments/orders/{order}", "",
   login, hide, hide, hide, ok},
  {"POST", "/api/v1/payments/orders/{code}/vnpay", "/api/v1/payments/orders/{order}/vnpay", "{}",
   login, hide, hide, hide, hide},
  {"POST", "/api/v1/payments/orders/{code}/vietqr", "/api/v1/payments/orders/{order}/vietqr", "{}",
   login, hide, hide, hide, hide},
  // The collecting bank's notice: only its signature lets it in (401 for any session).
  {"POST", "/api/v1/payments/vietqr/notify", "/api/v1/payments/vietqr/notify",
   R"({"order_code":"{order}","amount":412350})", login, login, login, login, login},
  {"GET", "/api/v1/payments/contacts", "/api/v1/payments/contacts", "", login, ok, ok, ok, ok},
  {"POST", "/api/v1/payments/contacts", "/api/v1/payments/contacts",
   R"({"provider":"evn","customer_code":"PA14010012345","name":"Nhà tôi"})", login, ok, ok, ok, ok},
  {"DELETE", "/api/v1/payments/contacts/{id}", "/api/v1/payments/contacts/{contact}", "",
   login, hide, hide, hide, hide},
  {"GET", "/api/v1/admin/payments/orders", "/api/v1/admin/payments/orders", "",
   login, deny, deny, deny, ok},
  {"GET", "/api/v1/admin/payments/orders/{code}", "/api/v1/admin/payments/orders/{order}", "",
   login, deny, deny, deny, ok},
  {"POST", "/api/v1/admin/payments/orders/{code}/refund",
   "/api/v1/admin/payments/orders/{order}/refund", R"({"reason":"Thử"})", login, deny, deny, deny, ok},
  {"GET", "/api/v1/admin/payments/reconciliation",
   "/api/v1/admin/payments/reconciliation?date=2026-12-02", "", login, deny, deny, deny, ok},
  {"GET", "/api/v1/payments/vnpay/ipn", "/api/v1/payments/vnpay/ipn?vnp_TxnRef={order}", "",
   ok, ok, ok, ok, ok},
  {"GET", "/api/v1/payments/vnpay/return", "/api/v1/payments/vnpay/return?vnp_TxnRef={order}", "",
   ok, ok, ok, ok, ok},
  // "Dịch vụ công": the catalogue and the lookup are public; a dossier is its owner's and the
  // officials' of its agency (so-xay-dung in the fixture), hidden from everyone else; officials of
  // another agency may not act on it.
  {"GET", "/api/v1/procedures", "/api/v1/procedures?q=ly%20lich", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/procedures/{code}", "/api/v1/procedures/MAU-LLTP-01", "", ok, ok, ok, ok, ok},
  {"GET", "/api/v1/admin/procedures", "/api/v1/admin/procedures", "", login, deny, deny, deny, ok},
  {"GET", "/api/v1/admin/procedures/{code}", "/api/v1/admin/procedures/MAU-LLTP-01", "",
   login, deny, deny, deny, ok},
  {"POST", "/api/v1/admin/procedures", "/api/v1/admin/procedures", "{}",
   login, deny, deny, deny, ok},
  {"POST", "/api/v1/admin/procedures/{code}/versions/{version}/publish",
   "/api/v1/admin/procedures/MAU-LLTP-01/versions/1/publish", "{}", login, deny, deny, deny, ok},
  {"POST", "/api/v1/dossiers/files", "/api/v1/dossiers/files", "not a file", login, ok, ok, ok, ok},
  {"GET", "/api/v1/papers/mine", "/api/v1/papers/mine", "", login, ok, ok, ok, ok},
  {"POST", "/api/v1/papers", "/api/v1/papers", R"({"name":"CCCD","media":"{photo}"})",
   login, ok, ok, ok, ok},
  {"DELETE", "/api/v1/papers/{id}", "/api/v1/papers/{paper}", "", login, hide, hide, hide, hide},
  {"GET", "/api/v1/papers/{id}/file", "/api/v1/papers/{paper}/file", "",
   login, hide, hide, hide, hide},
  {"GET", "/api/v1/dossiers/{code}/files/{id}", "/api/v1/dossiers/{dossier}/files/{photo}", "",
   login, hide, ok, hide, ok},
  {"POST", "/api/v1/dossiers", "/api/v1/dossiers", "{}", login, ok, ok, ok, ok},
  {"GET", "/api/v1/dossiers/mine", "/api/v1/dossiers/mine", "", login, ok, ok, ok, ok},
  {"GET", "/api/v1/dossiers/prefill", "/api/v1/dossiers/prefill", "", login, ok, ok, ok, ok},
  {"GET", "/api/v1/dossiers/lookup/{code}", "/api/v1/dossiers/lookup/{dossier}", "",
   ok, ok, ok, ok, ok},
  {"GET", "/api/v1/dossiers/{code}", "/api/v1/dossiers/{dossier}", "", login, hide, ok, hide, ok},
  {"GET", "/api/v1/dossiers/{code}/receipt", "/api/v1/dossiers/{dossier}/receipt", "",
   login, hide, ok, hide, ok},
  {"GET", "/api/v1/dossiers/{code}/receipt.pdf", "/api/v1/dossiers/{dossier}/receipt.pdf", "",
   login, hide, ok, hide, ok},
  {"POST", "/api/v1/dossiers/{code}/withdraw", "/api/v1/dossiers/{dossier}/withdraw",
   R"({"reason":"Nộp nhầm"})", login, hide, hide, hide, hide},
  {"POST", "/api/v1/dossiers/{code}/supplement", "/api/v1/dossiers/{dossier}/supplement", "{}",
   login, hide, hide, hide, hide},
  {"POST", "/api/v1/dossiers/{code}/fee", "/api/v1/dossiers/{dossier}/fee", "{}",
   login, hide, hide, hide, hide},
  {"POST", "/api/v1/dossiers/{code}/survey", "/api/v1/dossiers/{dossier}/survey", "{}",
   login, hide, hide, hide, hide},
  {"GET", "/api/v1/officer/dossiers", "/api/v1/officer/dossiers", "", login, deny, ok, ok, ok},
  {"GET", "/api/v1/officer/dossiers/stats", "/api/v1/officer/dossiers/stats", "",
   login, deny, ok, ok, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/receive", "/api/v1/officer/dossiers/{dossier}/receive", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/accept-supplement", "/api/v1/officer/dossiers/{dossier}/accept-supplement", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/request-supplement", "/api/v1/officer/dossiers/{dossier}/request-supplement", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/transfer", "/api/v1/officer/dossiers/{dossier}/transfer", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/process", "/api/v1/officer/dossiers/{dossier}/process", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/finish", "/api/v1/officer/dossiers/{dossier}/finish", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/return-result", "/api/v1/officer/dossiers/{dossier}/return-result", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/apologize", "/api/v1/officer/dossiers/{dossier}/apologize", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/refuse", "/api/v1/officer/dossiers/{dossier}/refuse", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/stop", "/api/v1/officer/dossiers/{dossier}/stop", "{}",
   login, deny, ok, deny, ok},
  {"POST", "/api/v1/officer/dossiers/{code}/fee-paid", "/api/v1/officer/dossiers/{dossier}/fee-paid", "{}",
   login, deny, ok, deny, ok},
};
// clang-format on

std::string route_name(const std::string& method, const std::string& pattern) {
  return method + " " + pattern;
}

bool answers(Expect expect, int status) {
  switch (expect) {
    case ok:
      return status != 401 && status != 403;
    case login:
      return status == 401;
    case deny:
      return status == 403;
    case hide:
      return status == 404;
  }
  return false;
}

const char* expect_name(Expect expect) {
  static const char* const kNames[] = {"ok (not 401/403)", "401", "403", "404"};
  return kNames[expect];
}

void check_matrix(AuthzWorld& world) {
  // Every registered route has a row, and every row a route.
  std::set<std::string> rows;
  for (const Row& row : kMatrix) {
    CHECK_MESSAGE(rows.insert(route_name(row.method, row.pattern)).second, "two rows for ",
                  route_name(row.method, row.pattern));
  }
  std::set<std::string> routes;
  for (const auto& route : world.router().routes()) {
    const std::string name = route_name(route.method, route.pattern);
    routes.insert(name);
    CHECK_MESSAGE(rows.count(name) == 1, "route without a row in the authorisation matrix: ", name);
  }
  for (const std::string& name : rows) {
    CHECK_MESSAGE(routes.count(name) == 1, "row for a route the server does not have: ", name);
  }

  for (const Row& row : kMatrix) {
    const Expect expected[] = {row.anonymous, row.citizen, row.officer_same, row.officer_other,
                               row.admin};
    for (const Caller caller : kCallers) {
      const Fixtures fixtures = world.fresh_fixtures();
      const auto cookie = fixtures.cookies.find(caller);
      const auto response = world.call(
          row.method, AuthzWorld::fill(row.target, fixtures), AuthzWorld::fill(row.body, fixtures),
          cookie == fixtures.cookies.end() ? std::string() : cookie->second);
      const Expect expect = expected[static_cast<int>(caller)];
      CHECK_MESSAGE(answers(expect, response.status), route_name(row.method, row.pattern), " as ",
                    caller_name(caller), ": expected ", expect_name(expect), ", got ",
                    response.status, " ", response.body.substr(0, 200));
    }
  }
}

}  // namespace

TEST_CASE("authorisation matrix: every route answers each kind of caller as its policy says") {
  AuthzWorld world;
  check_matrix(world);
}
