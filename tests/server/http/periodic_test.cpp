// Server::every: housekeeping on the server's timer, at start and then each interval.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "http/pipeline.h"
#include "http/server.h"

using namespace cdscb::server::http;
using namespace std::chrono_literals;

namespace {

ServerOptions quiet_options() {
  ServerOptions options;
  options.port = 0;
  options.io_threads = 1;
  options.workers = 1;
  options.handle_signals = false;
  options.access_log = false;
  return options;
}

template <class Predicate>
bool wait_for(Predicate done, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

}  // namespace

TEST_CASE("a periodic task runs at start, then every interval, until the server stops") {
  const Router router;
  const StaticFiles site;
  const Pipeline pipeline(router, site, {});
  Server server(quiet_options(), pipeline);
  std::atomic<int> runs{0};
  std::atomic<bool> off_caller_thread{true};
  const auto caller = std::this_thread::get_id();
  server.every(30ms, [&] {
    if (std::this_thread::get_id() == caller) off_caller_thread = false;
    // A failing run is logged and does not end the schedule.
    if (++runs == 1) throw std::runtime_error("the first run fails");
  });
  server.listen();
  std::thread serving([&] { server.run(); });
  CHECK(wait_for([&] { return runs >= 3; }, 5s));
  server.stop();
  serving.join();
  CHECK(off_caller_thread);
  const int stopped_at = runs;
  std::this_thread::sleep_for(100ms);
  CHECK(runs == stopped_at);
}

TEST_CASE("a long interval does not hold up shutdown") {
  const Router router;
  const StaticFiles site;
  const Pipeline pipeline(router, site, {});
  Server server(quiet_options(), pipeline);
  std::atomic<int> runs{0};
  server.every(10min, [&] { ++runs; });
  server.listen();
  std::thread serving([&] { server.run(); });
  CHECK(wait_for([&] { return runs == 1; }, 5s));  // ran once at start
  const auto started = std::chrono::steady_clock::now();
  server.stop();
  serving.join();
  CHECK(std::chrono::steady_clock::now() - started < 2s);
  CHECK(runs == 1);
}
