// GET /metrics on an address of its own (--metrics-listen), so the app's port never exposes it
// and a scrape never waits behind citizens' requests: a small second server with one thread.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "db/database.h"
#include "http/metrics.h"
#include "http/server.h"

namespace cdscb::server {

namespace cameras {
class Relay;
}

// The gauges read from the database and the modules: the jobs' backlog, camera viewers.
void add_app_gauges(http::Metrics& metrics, db::Database& database,
                    std::shared_ptr<cameras::Relay> relay);

class MetricsEndpoint {
 public:
  MetricsEndpoint(http::Metrics& metrics, std::string host, std::uint16_t port);
  ~MetricsEndpoint();  // stops and joins
  // Binds (throws when it cannot) and serves on its own thread; returns the bound port.
  std::uint16_t start();

 private:
  http::Router router_;
  http::StaticFiles none_;
  std::unique_ptr<http::Pipeline> pipeline_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

}  // namespace cdscb::server
