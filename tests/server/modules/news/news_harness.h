// What the news tests share: a migrated database (db/test_database.h) with the accounts and news
// routes, a clock the test moves, and signed-in users of each role.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "db/database.h"
#include "db/test_database.h"
#include "http/router.h"
#include "jobs/jobs.h"
#include "modules/accounts/accounts_harness.h"
#include "modules/news/images.h"
#include "test_support.h"

namespace cdscb::server::testing {

class NewsHarness {
 public:
  // A fresh database on the run's backend, or the (empty) database at `url`.
  explicit NewsHarness(std::shared_ptr<news::Images> images = nullptr,
                       std::optional<db::DatabaseUrl> url = std::nullopt);

  http::Response call(std::string method, std::string target, const std::string& body,
                      const std::string& cookie = "");
  http::Response get(std::string target, const std::string& cookie = "");
  http::Response post(std::string target, const nlohmann::json& body, const std::string& cookie);
  http::Response patch(std::string target, const nlohmann::json& body, const std::string& cookie);
  http::Response del(std::string target, const std::string& cookie);

  // Creates an account with `role` ("citizen", "officer", "admin") and returns its session token.
  std::string sign_in_as(const std::string& role, const std::string& agency = "",
                         const std::string& phone = "");

  // Posts an article as `cookie`; fails the test unless the answer is 201. Returns the article.
  nlohmann::json create_article(const std::string& cookie, const std::string& title,
                                const std::string& text, bool published = true,
                                const std::string& category = "thong-bao");

  db::Database& database() { return *database_; }
  // The queue on `clock`; its admin routes (/api/v1/admin/jobs) are registered too.
  jobs::Jobs& jobs() { return *jobs_; }
  ManualClock clock;

 private:
  std::unique_ptr<TestDatabase> place_;
  std::unique_ptr<db::Database> database_;
  http::Router router_;
  FakeSms sms_;
  std::unique_ptr<jobs::Jobs> jobs_;
  int next_phone_ = 0;
};

// The sandbox news server (node) serving a temporary directory under /files/, and the feed
// fixtures of tests/server/fixtures/news copied there.
struct FeedServer {
  FeedServer();
  // Serves fixture `name` as /files/<as>, with {base} replaced by the server's origin; returns
  // its URL.
  std::string serve(const std::string& name, const std::string& as);

  TempDir dir;
  ChildProcess process;
  std::string base;  // "http://127.0.0.1:PORT"
};

}  // namespace cdscb::server::testing
