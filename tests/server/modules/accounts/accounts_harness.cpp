#include "modules/agencies/routes.h"
#include "modules/accounts/accounts_harness.h"

#include <doctest/doctest.h>
#include <soci/soci.h>

#include "db/migrations.h"
#include "jobs/admin_routes.h"
#include "modules/accounts/routes.h"

namespace cdscb::server::testing {

bool FakeSms::send(const std::string& phone, const std::string& text) {
  const std::lock_guard lock(mutex_);
  if (failing_) return false;
  sent_.push_back({phone, text});
  return true;
}

std::vector<SentSms> FakeSms::sent_to(const std::string& phone) const {
  const std::lock_guard lock(mutex_);
  std::vector<SentSms> out;
  for (const auto& sms : sent_) {
    if (sms.phone == phone) out.push_back(sms);
  }
  return out;
}

std::size_t FakeSms::count() const {
  const std::lock_guard lock(mutex_);
  return sent_.size();
}

std::string FakeSms::last_code(const std::string& phone) const {
  const auto messages = sent_to(phone);
  REQUIRE_MESSAGE(!messages.empty(), "no text message to " << phone);
  const std::string& text = messages.back().text;
  const std::size_t at = text.find_first_of("0123456789");
  REQUIRE(at != std::string::npos);
  return text.substr(at, 6);
}

void FakeSms::set_failing(bool failing) {
  const std::lock_guard lock(mutex_);
  failing_ = failing;
}

bool FakeSms::configured() const {
  const std::lock_guard lock(mutex_);
  return configured_;
}

void FakeSms::set_configured(bool configured) {
  const std::lock_guard lock(mutex_);
  configured_ = configured;
}

ManualClock::ManualClock()
    : now_(std::make_shared<std::chrono::system_clock::time_point>(
          std::chrono::sys_days{std::chrono::year{2025} / 3 / 4} + std::chrono::hours{5})) {}

std::function<std::chrono::system_clock::time_point()> ManualClock::function() const {
  return [now = now_] { return *now; };
}

AccountsHarness::AccountsHarness(std::string public_origin)
    : place_(std::make_unique<TestDatabase>()),
      owned_(std::make_unique<db::Database>(place_->url(), 2)),
      database_(*owned_) {
  db::migrate(database_);
  register_routes(public_origin);
}

AccountsHarness::AccountsHarness(std::vector<accounts::PersonalDataSection> personal_data)
    : personal_data_(std::move(personal_data)),
      place_(std::make_unique<TestDatabase>()),
      owned_(std::make_unique<db::Database>(place_->url(), 2)),
      database_(*owned_) {
  db::migrate(database_);
  register_routes("");
}

AccountsHarness::AccountsHarness(db::Database& database, std::string public_origin)
    : database_(database) {
  register_routes(public_origin);
}

void AccountsHarness::register_routes(const std::string& public_origin) {
  // Officials belong to an agency the agencies module knows.
  seed_agencies(database_, std::filesystem::path(CDSCB_SOURCE_DIR) / "data");
  jobs_ = std::make_unique<jobs::Jobs>(database_, clock.function());
  const accounts::Sessions sessions(
      database_, {.secure_cookie = public_origin.starts_with("https://"), .now = clock.function()});
  register_accounts_routes(router_,
                           {.database = database_,
                            .sms = sms,
                            .jobs = *jobs_,
                            .sessions = sessions,
                            .hasher = accounts::PasswordHasher(accounts::kMinimalPasswordCost),
                            .personal_data = personal_data_});
  jobs::register_admin_routes(router_, {.jobs = *jobs_, .sessions = sessions});
}

http::Response AccountsHarness::call(std::string method, std::string target,
                                     const std::string& body, const CallOptions& options) {
  http::Request request = make_request(std::move(method), std::move(target));
  request.body = body;
  request.remote_address = options.ip;
  if (!body.empty()) request.headers.add("Content-Type", "application/json");
  if (!options.user_agent.empty()) request.headers.add("User-Agent", options.user_agent);
  if (!options.cookie.empty()) {
    request.headers.add("Cookie", "theme=dark; cdscb_session=" + options.cookie);
  }
  http::Response response = router_.dispatch(request);
  jobs_->run_due();
  return response;
}

http::Response AccountsHarness::post(std::string target, const nlohmann::json& body,
                                     const CallOptions& options) {
  return call("POST", std::move(target), body.dump(), options);
}

http::Response AccountsHarness::get(std::string target, const CallOptions& options) {
  return call("GET", std::move(target), "", options);
}

http::Response AccountsHarness::del(std::string target, const CallOptions& options) {
  return call("DELETE", std::move(target), "", options);
}

std::string AccountsHarness::create_account(const std::string& phone, const std::string& password,
                                            const std::string& full_name) {
  const auto registered =
      post("/api/v1/accounts/register",
           {{"full_name", full_name}, {"phone", phone}, {"password", password}});
  REQUIRE_MESSAGE(registered.status == 201, registered.body);
  const auto verified =
      post("/api/v1/accounts/verify", {{"phone", phone}, {"code", sms.last_code(phone)}});
  REQUIRE_MESSAGE(verified.status == 200, verified.body);
  const auto token = session_token(verified);
  REQUIRE(token.has_value());
  return *token;
}

std::string AccountsHarness::sign_in(const std::string& phone, const std::string& password,
                                     const CallOptions& options) {
  const auto response =
      post("/api/v1/sessions", {{"phone", phone}, {"password", password}}, options);
  REQUIRE_MESSAGE(response.status == 200, response.body);
  const auto token = session_token(response);
  REQUIRE(token.has_value());
  return *token;
}

int AccountsHarness::count_rows(const std::string& table, const std::string& where) {
  soci::session sql(database_.pool());
  int count = -1;
  sql << "SELECT COUNT(*) FROM " + table + " WHERE " + where, soci::into(count);
  return count;
}

std::string set_cookie(const http::Response& response) {
  return std::string(response.headers.get("Set-Cookie").value_or(""));
}

std::optional<std::string> session_token(const http::Response& response) {
  const std::string cookie = set_cookie(response);
  const std::string prefix = "cdscb_session=";
  if (!cookie.starts_with(prefix)) return std::nullopt;
  const std::string token = cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
  if (token.empty()) return std::nullopt;
  return token;
}

nlohmann::json body_of(const http::Response& response) {
  if (response.body.empty()) return nullptr;
  return nlohmann::json::parse(response.body);
}

}  // namespace cdscb::server::testing
