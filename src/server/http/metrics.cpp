#include "http/metrics.h"

#include <cstdio>

namespace cdscb::server::http {
namespace {

std::string number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

std::string labels(const std::string& method, const std::string& route) {
  return "method=\"" + prometheus_label(method) + "\",route=\"" + prometheus_label(route) + "\"";
}

}  // namespace

std::string prometheus_label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

void Metrics::observe_request(std::string_view method, std::string_view route, int status,
                              double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(method), std::string(route), status}];
  Latency& latency = latency_[{std::string(method), std::string(route)}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++latency.buckets[i];
  ++latency.count;
  latency.sum += seconds;
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

std::string Metrics::render() const {
  std::vector<Gauge> gauges;
  std::string out;
  {
    std::lock_guard lock(mutex_);
    gauges = gauges_;
    out += "# HELP cdscb_http_requests_total Requests answered, by route pattern and status.\n";
    out += "# TYPE cdscb_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      const auto& [method, route, status] = key;
      out += "cdscb_http_requests_total{" + labels(method, route) + ",status=\"" +
             std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    }
    out +=
        "# HELP cdscb_http_request_duration_seconds Time from the request read to the answer "
        "written.\n";
    out += "# TYPE cdscb_http_request_duration_seconds histogram\n";
    for (const auto& [key, latency] : latency_) {
      const std::string l = labels(key.first, key.second);
      for (std::size_t i = 0; i < kBuckets.size(); ++i)
        out += "cdscb_http_request_duration_seconds_bucket{" + l + ",le=\"" + number(kBuckets[i]) +
               "\"} " + std::to_string(latency.buckets[i]) + "\n";
      out += "cdscb_http_request_duration_seconds_bucket{" + l + ",le=\"+Inf\"} " +
             std::to_string(latency.count) + "\n";
      out += "cdscb_http_request_duration_seconds_sum{" + l + "} " + number(latency.sum) + "\n";
      out += "cdscb_http_request_duration_seconds_count{" + l + "} " +
             std::to_string(latency.count) + "\n";
    }
  }
  // Read outside the lock: a gauge may ask the database.
  for (const auto& gauge : gauges) {
    double value = 0;
    try {
      value = gauge.read();
    } catch (...) {
      continue;  // a gauge that cannot be read now is left out of this scrape
    }
    out += "# HELP " + gauge.name + " " + gauge.help + "\n# TYPE " + gauge.name + " gauge\n" +
           gauge.name + " " + number(value) + "\n";
  }
  return out;
}

}  // namespace cdscb::server::http
