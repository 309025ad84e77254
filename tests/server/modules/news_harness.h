// What the news tests share: a migrated SQLite database with the accounts and news routes, a
// clock the test moves, and signed-in users of each role.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "db/database.h"
#include "http/router.h"
#include "modules/accounts_harness.h"
#include "modules/news/images.h"
#include "test_support.h"

namespace cdscb::server::testing {

class NewsHarness {
 public:
  explicit NewsHarness(news::Images* images = nullptr);

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
  ManualClock clock;

 private:
  TempDir dir_;
  std::unique_ptr<db::Database> database_;
  http::Router router_;
  FakeSms sms_;
  int next_phone_ = 0;
};

}  // namespace cdscb::server::testing
