// What the accounts tests share: a migrated database, a fake SMS gateway that keeps what it was
// given, a clock the test moves, and calls through the router as the transport would make them.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "db/test_database.h"
#include "http/router.h"
#include "integrations/sms/sms_sender.h"
#include "jobs/jobs.h"
#include "modules/accounts/personal_data.h"
#include "test_support.h"

namespace cdscb::server::testing {

struct SentSms {
  std::string phone;
  std::string text;
};

class FakeSms : public integrations::SmsSender {
 public:
  bool send(const std::string& phone, const std::string& text) override;

  std::vector<SentSms> sent_to(const std::string& phone) const;
  std::size_t count() const;
  // The 6 digits of the latest message to `phone`; fails the test when there is none.
  std::string last_code(const std::string& phone) const;
  void set_failing(bool failing);
  bool configured() const override;
  void set_configured(bool configured);

 private:
  mutable std::mutex mutex_;
  std::vector<SentSms> sent_;
  bool failing_ = false;
  bool configured_ = true;
};

// A clock that stands still until the test moves it.
class ManualClock {
 public:
  ManualClock();
  std::chrono::system_clock::time_point now() const { return *now_; }
  void advance(std::chrono::seconds by) { *now_ += by; }
  std::function<std::chrono::system_clock::time_point()> function() const;

 private:
  std::shared_ptr<std::chrono::system_clock::time_point> now_;
};

struct CallOptions {
  std::string cookie;  // the cdscb_session token, sent as a Cookie header when set
  std::string ip = "203.0.113.7";
  std::string user_agent = "doctest";
};

class AccountsHarness {
 public:
  // A fresh migrated database on the run's backend (db/test_database.h).
  explicit AccountsHarness(std::string public_origin = "");
  // An existing (migrated) database.
  AccountsHarness(db::Database& database, std::string public_origin);
  // A fresh database, with other modules' personal data in export and deletion.
  explicit AccountsHarness(std::vector<accounts::PersonalDataSection> personal_data);

  http::Response call(std::string method, std::string target, const std::string& body,
                      const CallOptions& options = {});
  http::Response post(std::string target, const nlohmann::json& body,
                      const CallOptions& options = {});
  http::Response get(std::string target, const CallOptions& options = {});
  http::Response del(std::string target, const CallOptions& options = {});

  // Registers and confirms an account; returns the session token from the verify answer.
  std::string create_account(const std::string& phone, const std::string& password,
                             const std::string& full_name = "Nông Văn Dũng");
  std::string sign_in(const std::string& phone, const std::string& password,
                      const CallOptions& options = {});

  int count_rows(const std::string& table, const std::string& where = "1 = 1");
  db::Database& database() { return database_; }
  // The queue the accounts module puts its texts in. call() runs every due job after the
  // request, as the server's worker would a moment later.
  jobs::Jobs& jobs() { return *jobs_; }
  // For other modules' tests to register their routes beside the accounts routes.
  http::Router& router() { return router_; }

  FakeSms sms;
  ManualClock clock;

 private:
  void register_routes(const std::string& public_origin);

  std::vector<accounts::PersonalDataSection> personal_data_;
  std::unique_ptr<TestDatabase> place_;
  std::unique_ptr<db::Database> owned_;
  db::Database& database_;
  http::Router router_;
  std::unique_ptr<jobs::Jobs> jobs_;
};

// The session token a Set-Cookie answer carries; nullopt when none.
std::optional<std::string> session_token(const http::Response& response);
std::string set_cookie(const http::Response& response);
nlohmann::json body_of(const http::Response& response);

}  // namespace cdscb::server::testing
