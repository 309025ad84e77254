#include "metrics_endpoint.h"

#include <soci/soci.h>

#include "modules/cameras/relay.h"

namespace cdscb::server {

void add_app_gauges(http::Metrics& metrics, db::Database& database,
                    std::shared_ptr<cameras::Relay> relay) {
  // Outside systems' work waiting: text messages, feed images, payment checks (jobs/jobs.h).
  metrics.add_gauge("cdscb_jobs_pending", "Jobs waiting to run or to be retried.", [&database] {
    soci::session sql(database.pool());
    long long n = 0;
    sql << "SELECT COUNT(*) FROM jobs WHERE status = 'pending'", soci::into(n);
    return static_cast<double>(n);
  });
  metrics.add_gauge("cdscb_jobs_dead", "Jobs that failed every attempt (admins see them).",
                    [&database] {
                      soci::session sql(database.pool());
                      long long n = 0;
                      sql << "SELECT COUNT(*) FROM jobs WHERE status = 'dead'", soci::into(n);
                      return static_cast<double>(n);
                    });
  if (relay)
    metrics.add_gauge("cdscb_camera_viewers", "Clients watching a camera through the relay.",
                      [relay] { return static_cast<double>(relay->viewers_total()); });
}

MetricsEndpoint::MetricsEndpoint(http::Metrics& metrics, std::string host, std::uint16_t port) {
  router_.get("/metrics", [&metrics](const http::Request&) {
    http::Response response;
    response.status = 200;
    response.body = metrics.render();
    response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.headers.set("Cache-Control", "no-store");
    return response;
  });
  pipeline_ = std::make_unique<http::Pipeline>(router_, none_, http::PipelineOptions{});
  server_ = std::make_unique<http::Server>(http::ServerOptions{.host = std::move(host),
                                                               .port = port,
                                                               .io_threads = 1,
                                                               .workers = 1,
                                                               .handle_signals = false,
                                                               .access_log = false},
                                           *pipeline_);
}

std::uint16_t MetricsEndpoint::start() {
  const std::uint16_t port = server_->listen();
  thread_ = std::thread([this] { server_->run(); });
  return port;
}

MetricsEndpoint::~MetricsEndpoint() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace cdscb::server
