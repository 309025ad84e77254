// What the VNeID module tests share: a migrated database with the accounts routes (for phone
// accounts and /me), the VNeID routes on the real OidcClient talking to the fake provider of
// integrations/vneid_test_support, and a browser that keeps its cookies.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "db/database.h"
#include "db/test_database.h"
#include "http/router.h"
#include "integrations/vneid_test_support.h"
#include "modules/accounts/accounts_harness.h"
#include "test_support.h"

namespace cdscb::server::testing {

// The cookies one browser holds (name → value).
struct Browser {
  std::map<std::string, std::string> cookies;
  std::string ip = "198.51.100.20";

  // Takes the Set-Cookie fields of `response` (an empty value or Max-Age=0 drops the cookie).
  void keep(const http::Response& response);
  bool has(const std::string& name) const { return cookies.count(name) > 0; }
  std::string session() const;  // the cdscb_session token, or ""
};

class VneidHarness {
 public:
  // A fresh database on the run's backend (db/test_database.h).
  explicit VneidHarness(bool configured = true);
  // On an existing empty database (e.g. a PostgreSQL schema), migrated here.
  explicit VneidHarness(const db::DatabaseUrl& url);

  http::Response call(Browser& browser, std::string method, std::string target,
                      const std::string& body = "");
  http::Response get(Browser& browser, std::string target) {
    return call(browser, "GET", std::move(target));
  }
  http::Response post(Browser& browser, std::string target, const nlohmann::json& body) {
    return call(browser, "POST", std::move(target), body.dump());
  }

  // GET /start; returns the provider's authorization URL (fails the test unless a 302).
  std::string start(Browser& browser);
  // The callback the provider sends the browser back with (`query` without the "?").
  http::Response callback(Browser& browser, const std::string& query);
  // start, the provider's consent, callback with code, state and iss.
  http::Response log_in(Browser& browser);

  // Moves the module's, the accounts module's and the provider's clocks together.
  void advance(std::chrono::seconds by);

  vneid::FakeProvider provider;
  std::unique_ptr<TestDatabase> place;  // when the harness made its database
  std::unique_ptr<db::Database> database;
  std::unique_ptr<AccountsHarness> accounts;  // phone accounts, /api/v1/me

 private:
  void set_up(bool configured);

  http::Router router_;
};

// "a=b&c=d" with each value percent-encoded.
std::string query_string(const std::map<std::string, std::string>& params);

}  // namespace cdscb::server::testing
