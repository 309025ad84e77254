// The whole server as main.cpp builds it (register_modules, the same list of modules) on a fresh
// database, with the accounts and records the route × role matrix (authz_matrix_test.cpp) needs:
// five callers (signed out, a citizen who is not the author, an officer of the records' agency,
// an officer of another agency, an admin) and one record of each kind, made fresh for every call
// so that one call's effect (a deletion, a sign-out) never decides another's answer.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "config.h"
#include "db/database.h"
#include "db/test_database.h"
#include "http/router.h"
#include "integrations/media/media_store.h"
#include "jobs/jobs.h"
#include "modules/accounts/accounts_harness.h"
#include "modules/accounts/sessions.h"
#include "test_support.h"

namespace cdscb::server::testing {

enum class Caller { kAnonymous, kCitizen, kOfficerSame, kOfficerOther, kAdmin };
inline constexpr Caller kCallers[] = {Caller::kAnonymous, Caller::kCitizen, Caller::kOfficerSame,
                                      Caller::kOfficerOther, Caller::kAdmin};
const char* caller_name(Caller caller);

// The agency of the fixture feedback (its field "giao-thong"), article and alert.
inline constexpr char kRecordAgency[] = "so-xay-dung";
inline constexpr char kOtherAgency[] = "so-y-te";
inline constexpr char kPassword[] = "Non nuoc Cao Bang 1";

// One call's accounts and records. `values` fills a target's or body's "{name}" placeholders:
// feedback, article, alert, key (Open311 key id) and api_key (its secret), session (the author's
// session id), directory (a directory code), holiday (a date), photo (a media id) and photo_file
// (its name under /media/), phone and password (the author's), dossier (the author's dossier code,
// at the records' agency), paper (a paper in the author's "Kho giấy tờ"), order (the author's
// payment order code), contact (the id of a code in the author's "Danh bạ thanh toán"),
// author_cookie (the author's session cookie).
struct Fixtures {
  std::map<Caller, std::string> cookies;  // no entry for kAnonymous
  std::map<std::string, std::string> values;
};

class AuthzWorld {
 public:
  // A fresh SQLite database, or the (empty) database at `url`.
  // On the run's backend (db/test_database.h).
  AuthzWorld();

  http::Router& router() { return router_; }
  db::Database& database() { return *database_; }
  // New accounts for every caller and the author, and one record of each kind.
  Fixtures fresh_fixtures();
  // `text` with each "{name}" replaced by fixtures.values[name]; fails the test on an unknown one.
  static std::string fill(std::string text, const Fixtures& fixtures);
  // A request through the router as the transport would hand it over.
  http::Response call(const std::string& method, const std::string& target, const std::string& body,
                      const std::string& cookie);

 private:
  struct Account {
    long long id = 0;
    std::string phone;
    std::string cookie;
  };
  Account account(core::Role role, const std::string& agency);
  std::string next_ip();

  TestDatabase place_;  // before database_, which it outlives
  TempDir dir_;
  std::unique_ptr<db::Database> database_;
  std::shared_ptr<const media::MediaStore> media_;
  // The modules keep references to it (payments reads deps.config on every IPN): it must live as
  // long as the router.
  Config config_;
  FakeSms sms_;
  std::unique_ptr<jobs::Jobs> jobs_;
  http::Router router_;
  std::unique_ptr<accounts::Sessions> sessions_;
  std::string password_hash_;  // one hash of kPassword for every account: hashing is slow
  media::StoredImage photo_;
  int counter_ = 0;
};

}  // namespace cdscb::server::testing
