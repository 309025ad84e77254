// The Prometheus text the operator scrapes: counters by route pattern, cumulative histogram
// buckets, gauges read at scrape time, labels escaped.
#include "http/metrics.h"

#include <doctest/doctest.h>

#include <stdexcept>

using cdscb::server::http::Metrics;

TEST_CASE("metrics count requests by route pattern and status, with cumulative buckets") {
  Metrics metrics;
  metrics.observe_request("GET", "/api/v1/feedback/{id}", 200, 0.003);
  metrics.observe_request("GET", "/api/v1/feedback/{id}", 200, 0.2);
  metrics.observe_request("GET", "/api/v1/feedback/{id}", 404, 0.0005);
  const std::string text = metrics.render();
  CHECK(text.find("# TYPE cdscb_http_requests_total counter\n") != std::string::npos);
  CHECK(text.find("cdscb_http_requests_total{method=\"GET\",route=\"/api/v1/feedback/{id}\","
                  "status=\"200\"} 2\n") != std::string::npos);
  CHECK(text.find("status=\"404\"} 1\n") != std::string::npos);
  const std::string series =
      "cdscb_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/v1/feedback/{id}\",";
  CHECK(text.find(series + "le=\"0.001\"} 1\n") != std::string::npos);
  CHECK(text.find(series + "le=\"0.0050000000000000001\"} 2\n") != std::string::npos);
  CHECK(text.find(series + "le=\"0.25\"} 3\n") != std::string::npos);
  CHECK(text.find(series + "le=\"+Inf\"} 3\n") != std::string::npos);
  CHECK(text.find("cdscb_http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/"
                  "feedback/{id}\"} 3\n") != std::string::npos);
}

TEST_CASE("gauges are read at each scrape; one that fails is left out") {
  Metrics metrics;
  int queue = 3;
  metrics.add_gauge("cdscb_worker_queue_length", "Waiting.", [&queue] { return queue; });
  metrics.add_gauge("cdscb_broken", "Fails.", []() -> double { throw std::runtime_error("x"); });
  CHECK(metrics.render().find("cdscb_worker_queue_length 3\n") != std::string::npos);
  queue = 7;
  const std::string text = metrics.render();
  CHECK(text.find("# TYPE cdscb_worker_queue_length gauge\ncdscb_worker_queue_length 7\n") !=
        std::string::npos);
  CHECK(text.find("cdscb_broken") == std::string::npos);
}

TEST_CASE("label values are escaped") {
  CHECK(cdscb::server::http::prometheus_label("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
}
