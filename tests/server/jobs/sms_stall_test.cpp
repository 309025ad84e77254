// A stalled SMS gateway holds up neither the API nor the pool: with the gateway blocked (until
// the test releases it) inside a text message, 50 clients over real sockets register (each
// queueing another text), read the health check and try to sign in, and every request is
// answered while the gateway is still blocked. Once it recovers, every code arrives.
// (The latency figures with and without a stall are in scripts/bench, not asserted here.)
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "db/migrations.h"
#include "db/test_database.h"
#include "http/pipeline.h"
#include "http/server.h"
#include "http/static_files.h"
#include "integrations/http_client.h"
#include "jobs/jobs.h"
#include "modules/accounts/passwords.h"
#include "modules/accounts/routes.h"
#include "modules/health/routes.h"
#include "test_support.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;

namespace {

constexpr int kClients = 50;

// A gateway that takes each message only once the test opens it.
class StalledGateway : public integrations::SmsSender {
 public:
  bool send(const std::string& phone, const std::string& text) override {
    std::unique_lock lock(mutex_);
    ++entered_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
    sent_.push_back({phone, text});
    changed_.notify_all();
    return true;
  }
  // Waits (at most `limit`, as a guard against a hang) until `predicate` holds.
  template <class Predicate>
  bool wait_until(Predicate predicate, std::chrono::seconds limit) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, limit, [&] { return predicate(*this); });
  }
  void open() {
    const std::lock_guard lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }
  int entered() const { return entered_; }  // with the lock held (wait_until)
  std::size_t sent_count() const { return sent_.size(); }
  std::size_t sent_count_now() {
    const std::lock_guard lock(mutex_);
    return sent_.size();
  }
  std::string code_for(const std::string& phone) {
    const std::lock_guard lock(mutex_);
    for (const auto& [to, text] : sent_) {
      if (to == phone) return text.substr(text.find_first_of("0123456789"), 6);
    }
    return "";
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = false;
  int entered_ = 0;
  std::vector<std::pair<std::string, std::string>> sent_;
};

struct Client {
  unsigned short port;

  integrations::HttpReply call(const std::string& method, const std::string& path,
                               const json& body = nullptr, const std::string& forwarded = "") {
    integrations::HttpCall call = loopback_call();
    call.method = method;
    call.timeout = std::chrono::seconds(60);  // only a guard: the test fails, never hangs
    if (!body.is_null()) {
      call.body = body.dump();
      call.headers.emplace_back("Content-Type", "application/json");
    }
    if (!forwarded.empty()) call.headers.emplace_back("X-Forwarded-For", forwarded);
    return integrations::http_call(
        *integrations::parse_http_url("http://127.0.0.1:" + std::to_string(port) + path), call);
  }
};

std::string phone_of(int client) {
  const std::string digits = std::to_string(client);
  return "09120000" + std::string(2 - digits.size(), '0') + digits;
}

}  // namespace

TEST_CASE("a stalled SMS gateway stalls no request; the codes arrive when it recovers") {
  const TestDatabase place;
  db::Database database(place.url(), 4);
  db::migrate(database);
  StalledGateway gateway;
  jobs::Jobs queue(database);
  http::Router router;
  register_health_routes(router, {.database = database, .version = "test"});
  register_accounts_routes(router,
                           {.database = database,
                            .sms = gateway,
                            .jobs = queue,
                            .sessions = accounts::Sessions(database),
                            .hasher = accounts::PasswordHasher(accounts::kMinimalPasswordCost)});
  const http::StaticFiles site;
  const http::Pipeline pipeline(router, site, {.trusted_proxies = {"127.0.0.1"}});
  http::Server server(
      {.port = 0, .io_threads = 2, .workers = 4, .handle_signals = false, .access_log = false},
      pipeline);
  server.every(std::chrono::milliseconds(50), [&queue] { queue.run_due(); });
  Client client{server.listen()};
  std::thread serving([&] { server.run(); });

  const std::string first = "0912999000";
  const auto registered = client.call(
      "POST", "/api/v1/accounts/register",
      {{"full_name", "Nông Thị Hồng"}, {"phone", first}, {"password", "Thac Ban Gioc 2025"}});
  CHECK(registered.status == 201);  // answered before the gateway took the message
  REQUIRE(gateway.wait_until([](const StalledGateway& g) { return g.entered() == 1; },
                             std::chrono::seconds(60)));

  std::vector<std::vector<int>> statuses(kClients);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      const std::string forwarded = "198.51.100." + std::to_string(i + 1);
      const json account = {{"full_name", "Hoàng Văn Nam"},
                            {"phone", phone_of(i)},
                            {"password", "Mat khau that dai 2025"}};
      try {
        statuses[i].push_back(
            client.call("POST", "/api/v1/accounts/register", account, forwarded).status);
        statuses[i].push_back(client.call("GET", "/api/v1/health").status);
        statuses[i].push_back(
            client
                .call("POST", "/api/v1/sessions",
                      {{"phone", phone_of(i)}, {"password", "Mat khau that dai 2025"}}, forwarded)
                .status);
        statuses[i].push_back(client.call("GET", "/api/v1/me").status);
      } catch (const std::exception&) {
        statuses[i].push_back(0);
      }
    });
  }
  for (auto& each : clients) each.join();
  // Every request has its answer, and the gateway is still blocked on the first message.
  for (int i = 0; i < kClients; ++i) {
    CHECK_MESSAGE(statuses[i] == std::vector<int>({201, 200, 403, 401}), "client " << i);
  }
  CHECK(gateway.sent_count_now() == 0);

  gateway.open();
  CHECK(gateway.wait_until([](const StalledGateway& g) { return g.sent_count() == kClients + 1; },
                           std::chrono::seconds(120)));
  const auto verified = client.call("POST", "/api/v1/accounts/verify",
                                    {{"phone", first}, {"code", gateway.code_for(first)}});
  CHECK(verified.status == 200);
  server.stop();
  serving.join();
  soci::session sql(database.pool());
  int done = 0;
  sql << "SELECT COUNT(*) FROM jobs WHERE status = 'done'", soci::into(done);
  CHECK(done == kClients + 1);
}
