#include "modules/concurrency_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <latch>
#include <thread>

#include "db/migrations.h"
#include "db/test_database.h"
#include "test_support.h"

namespace cdscb::server::testing {

std::vector<http::Response> at_once(int clients, const std::function<http::Response(int)>& call) {
  std::vector<http::Response> answers(static_cast<std::size_t>(clients));
  std::latch start(clients);
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      answers[static_cast<std::size_t>(i)] = call(i);
    });
  }
  for (std::thread& thread : threads) thread.join();
  return answers;
}

int count_status(const std::vector<http::Response>& answers, int status) {
  return static_cast<int>(std::count_if(answers.begin(), answers.end(),
                                        [status](const auto& a) { return a.status == status; }));
}

void for_each_database(std::size_t pool_size, const std::function<void(db::Database&)>& test) {
  // The run's backend (db/test_database.h): CTest runs the suite on SQLite and on PostgreSQL.
  const TestDatabase place;
  db::Database database(place.url(), pool_size);
  db::migrate(database);
  test(database);
}

}  // namespace cdscb::server::testing
