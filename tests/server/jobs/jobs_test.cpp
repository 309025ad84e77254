// The jobs queue: a job runs once, failures are retried with backoff and kept, a job out of
// attempts is dead for an admin to see and retry, and several workers on one database never run
// a job twice, on SQLite and PostgreSQL.
#include "jobs/jobs.h"

#include <doctest/doctest.h>
#include <soci/soci.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "db/migrations.h"
#include "db/test_database.h"
#include "modules/accounts/accounts_harness.h"
#include "modules/accounts/officials.h"
#include "modules/accounts/passwords.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;
using nlohmann::json;

namespace {

long long enqueue(jobs::Jobs& queue, const std::string& kind, const json& payload) {
  soci::session sql(queue.database().pool());
  db::Transaction transaction(sql, queue.database().backend());
  const long long id = queue.enqueue(sql, kind, payload);
  transaction.commit();
  return id;
}

std::string sign_in_admin(AccountsHarness& accounts) {
  soci::session sql(accounts.database().pool());
  const accounts::OfficialInput input{.role = "admin",
                                      .phone = "0900000001",
                                      .full_name = "Quản Trị Viên",
                                      .agency = "",
                                      .password = "Quan tri vien 2025"};
  REQUIRE(accounts::create_official(sql, accounts::PasswordHasher(accounts::kMinimalPasswordCost),
                                    input, 1741064400));
  return accounts.sign_in(input.phone, input.password);
}

}  // namespace

TEST_CASE("a job runs once with its payload; a rolled-back enqueue never runs") {
  AccountsHarness accounts;
  std::vector<json> seen;
  accounts.jobs().handle("test.echo", [&](const json& payload) { seen.push_back(payload); });
  const long long id = enqueue(accounts.jobs(), "test.echo", {{"n", 1}});
  {
    soci::session sql(accounts.database().pool());
    db::Transaction rolled_back(sql, accounts.database().backend());
    accounts.jobs().enqueue(sql, "test.echo", {{"n", 2}});
  }
  CHECK(accounts.jobs().run_due() == 1);
  CHECK(accounts.jobs().run_due() == 0);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0] == json{{"n", 1}});
  CHECK(accounts.count_rows(
            "jobs", "id = " + std::to_string(id) + " AND status = 'done' AND attempts = 1") == 1);
  CHECK(accounts.count_rows("jobs") == 1);
}

TEST_CASE("backoff doubles from the kind's first wait up to its cap") {
  const jobs::KindOptions options{.first_backoff = std::chrono::seconds(5),
                                  .max_backoff = std::chrono::seconds(30)};
  CHECK(jobs::backoff_after(1, options).count() == 5);
  CHECK(jobs::backoff_after(2, options).count() == 10);
  CHECK(jobs::backoff_after(3, options).count() == 20);
  CHECK(jobs::backoff_after(4, options).count() == 30);
  CHECK(jobs::backoff_after(40, options).count() == 30);
}

TEST_CASE("a failing job is retried after backoff, then dead; an admin lists and retries it") {
  AccountsHarness accounts;
  std::atomic<bool> failing{true};
  int runs = 0;
  int buried = 0;
  accounts.jobs().handle("test.flaky",
                         [&](const json&) {
                           ++runs;
                           if (failing) throw std::runtime_error("gateway said 503");
                         },
                         {.max_attempts = 3,
                          .first_backoff = std::chrono::seconds(5),
                          .on_dead = [&](soci::session&, const json& payload) {
                            CHECK(payload == json{{"bill", 7}});
                            ++buried;
                          }});
  const long long id = enqueue(accounts.jobs(), "test.flaky", {{"bill", 7}});
  CHECK(accounts.jobs().run_due() == 1);
  CHECK(accounts.jobs().run_due() == 0);  // not due before its backoff
  accounts.clock.advance(std::chrono::seconds(4));
  CHECK(accounts.jobs().run_due() == 0);
  accounts.clock.advance(std::chrono::seconds(1));
  CHECK(accounts.jobs().run_due() == 1);
  accounts.clock.advance(std::chrono::seconds(9));
  CHECK(accounts.jobs().run_due() == 0);  // the second wait is 10 s
  accounts.clock.advance(std::chrono::seconds(1));
  CHECK(accounts.jobs().run_due() == 1);
  CHECK(runs == 3);
  CHECK(buried == 1);
  accounts.clock.advance(std::chrono::hours(1));
  CHECK(accounts.jobs().run_due() == 0);  // dead jobs stay dead

  const std::string admin = sign_in_admin(accounts);
  const auto listed = accounts.get("/api/v1/admin/jobs?status=dead", {.cookie = admin});
  REQUIRE_MESSAGE(listed.status == 200, listed.body);
  const json dead = body_of(listed)["jobs"];
  REQUIRE(dead.size() == 1);
  CHECK(dead[0]["id"] == id);
  CHECK(dead[0]["kind"] == "test.flaky");
  CHECK(dead[0]["status"] == "dead");
  CHECK(dead[0]["attempts"] == 3);
  CHECK(dead[0]["last_error"] == "gateway said 503");
  CHECK(dead[0]["last_attempt_at"].is_number());
  CHECK(dead[0]["finished_at"].is_number());
  CHECK_FALSE(dead[0].contains("payload"));  // it may hold personal data
  CHECK(body_of(listed)["next_cursor"].is_null());

  const std::string citizen = accounts.create_account("0912345678", "Mat khau cong dan 2025");
  CHECK(accounts.get("/api/v1/admin/jobs?status=dead", {.cookie = citizen}).status == 403);
  CHECK(accounts.get("/api/v1/admin/jobs?status=dead").status == 401);
  const std::string retry_path = "/api/v1/admin/jobs/" + std::to_string(id) + "/retry";
  CHECK(accounts.post(retry_path, json::object(), {.cookie = citizen}).status == 403);
  CHECK(runs == 3);

  // The outside system is back: the admin's retry runs it (the harness runs due jobs after each
  // request, as the worker would), with a fresh series of attempts.
  failing = false;
  const auto retried = accounts.post(retry_path, json::object(), {.cookie = admin});
  REQUIRE_MESSAGE(retried.status == 200, retried.body);
  CHECK(body_of(retried)["job"]["status"] == "pending");
  CHECK(runs == 4);
  CHECK(accounts.count_rows("jobs", "status = 'done' AND attempts = 4") == 1);
  const auto again = accounts.post(retry_path, json::object(), {.cookie = admin});
  CHECK(again.status == 409);
  CHECK(body_of(again)["error"]["code"] == "not_dead");
  CHECK(accounts.post("/api/v1/admin/jobs/999/retry", json::object(), {.cookie = admin}).status ==
        404);
  CHECK(accounts.get("/api/v1/admin/jobs?status=lost", {.cookie = admin}).status == 422);
}

TEST_CASE("the dead-letter list pages newest first with cursor and limit") {
  AccountsHarness accounts;
  accounts.jobs().handle("test.broken",
                         [](const json&) { throw jobs::PermanentFailure("no such bill"); });
  std::vector<long long> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(enqueue(accounts.jobs(), "test.broken", {{"i", i}}));
  CHECK(accounts.jobs().run_due() == 5);  // a permanent failure is dead at once
  const std::string admin = sign_in_admin(accounts);
  const auto first =
      body_of(accounts.get("/api/v1/admin/jobs?status=dead&limit=3", {.cookie = admin}));
  REQUIRE(first["jobs"].size() == 3);
  CHECK(first["jobs"][0]["id"] == ids[4]);
  CHECK(first["jobs"][0]["attempts"] == 1);
  CHECK(first["jobs"][0]["last_error"] == "no such bill");
  const std::string cursor = first["next_cursor"].get<std::string>();
  const auto second = body_of(
      accounts.get("/api/v1/admin/jobs?status=dead&limit=3&cursor=" + cursor, {.cookie = admin}));
  REQUIRE(second["jobs"].size() == 2);
  CHECK(second["jobs"][1]["id"] == ids[0]);
  CHECK(second["next_cursor"].is_null());
}

namespace {

// Two "server processes" (each its own Database and Jobs) with two worker threads each, on one
// database: every job runs exactly once.
void claims_are_exclusive(const db::DatabaseUrl& url) {
  constexpr int kJobs = 40;
  std::mutex mutex;
  std::map<int, int> runs;
  std::vector<std::unique_ptr<db::Database>> databases;
  std::vector<std::unique_ptr<jobs::Jobs>> queues;
  for (int process = 0; process < 2; ++process) {
    databases.push_back(std::make_unique<db::Database>(url, 2));
    queues.push_back(std::make_unique<jobs::Jobs>(*databases.back()));
    queues.back()->handle("test.count", [&](const json& payload) {
      const std::lock_guard lock(mutex);
      ++runs[payload["n"].get<int>()];
    });
  }
  db::migrate(*databases[0]);
  for (int n = 0; n < kJobs; ++n) enqueue(*queues[0], "test.count", {{"n", n}});
  std::atomic<int> ran{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] { ran += queues[w % 2]->run_due(kJobs); });
  }
  for (auto& worker : workers) worker.join();
  CHECK(ran == kJobs);
  REQUIRE(runs.size() == static_cast<std::size_t>(kJobs));
  for (const auto& [n, count] : runs) CHECK_MESSAGE(count == 1, "job " << n << " ran " << count);
  soci::session sql(databases[0]->pool());
  int done = 0;
  sql << "SELECT COUNT(*) FROM jobs WHERE status = 'done' AND attempts = 1", soci::into(done);
  CHECK(done == kJobs);
}

}  // namespace

// On the run's backend (db/test_database.h): SQLite in one pass, PostgreSQL in the other.
TEST_CASE("workers of several processes on one database never run a job twice") {
  const TestDatabase place;
  claims_are_exclusive(place.url());
}

TEST_CASE("finished jobs are purged: done ones after 30 days, dead ones after 90") {
  AccountsHarness accounts;
  accounts.jobs().handle("test.echo", [](const json&) {});
  accounts.jobs().handle("test.broken",
                         [](const json&) { throw jobs::PermanentFailure("refused for good"); });
  const auto now = [&] { return accounts.jobs().now_seconds(); };
  const long long done_early = enqueue(accounts.jobs(), "test.echo", {{"n", 1}});
  const long long dead_early = enqueue(accounts.jobs(), "test.broken", {{"n", 2}});
  const long long waiting = [&] {
    soci::session sql(accounts.database().pool());
    return accounts.jobs().enqueue(sql, "test.echo", {{"n", 3}}, std::chrono::hours(24 * 365));
  }();
  CHECK(accounts.jobs().run_due() == 2);
  accounts.clock.advance(std::chrono::hours(24 * 30));
  CHECK(jobs::purge_finished(accounts.database(), now()) == 0);  // exactly 30 days: kept

  accounts.clock.advance(std::chrono::hours(1));
  const long long done_late = enqueue(accounts.jobs(), "test.echo", {{"n", 4}});
  const long long dead_late = enqueue(accounts.jobs(), "test.broken", {{"n", 5}});
  CHECK(accounts.jobs().run_due() == 2);
  CHECK(jobs::purge_finished(accounts.database(), now()) == 1);
  const auto exists = [&](long long id) {
    return accounts.count_rows("jobs", "id = " + std::to_string(id)) == 1;
  };
  CHECK_FALSE(exists(done_early));
  CHECK(exists(dead_early));

  accounts.clock.advance(std::chrono::hours(24 * 60));  // 91 days after the first ones
  CHECK(jobs::purge_finished(accounts.database(), now()) == 2);
  CHECK_FALSE(exists(dead_early));
  CHECK_FALSE(exists(done_late));  // 60 days done
  CHECK(exists(dead_late));        // 60 days dead: still listed for the admin
  CHECK(exists(waiting));          // never finished: never purged
}
