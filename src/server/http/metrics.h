// What an operator's Prometheus scrapes at GET /metrics (on its own listen address, see
// --metrics-listen): requests by route and status, their latency as a histogram, and gauges read
// at scrape time (the worker pool's queue, open connections, the jobs' backlog, camera viewers).
// Text exposition format 0.0.4.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace cdscb::server::http {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 11> kBuckets = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                      0.25,  0.5,   1.0,  2.5,   10.0};

  // One answered request. `route` is the router's pattern ("/api/v1/feedback/{id}"), "static"
  // for the site's files, or "unmatched": never the raw path, so the series stay few.
  void observe_request(std::string_view method, std::string_view route, int status, double seconds);

  // A value read at each scrape; `name` like "cdscb_worker_queue_length".
  void add_gauge(std::string name, std::string help, std::function<double()> read);

  std::string render() const;

 private:
  struct Latency {
    std::array<unsigned long long, kBuckets.size()> buckets{};
    unsigned long long count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string name, help;
    std::function<double()> read;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, unsigned long long> requests_;
  std::map<std::pair<std::string, std::string>, Latency> latency_;
  std::vector<Gauge> gauges_;
};

// A label value as the format wants it: backslash, quote and newline escaped.
std::string prometheus_label(std::string_view value);

}  // namespace cdscb::server::http
