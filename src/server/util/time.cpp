#include "util/time.h"

#include <ctime>

namespace cdscb::server::util {
namespace {

std::string format_utc(std::chrono::system_clock::time_point t, const char* format) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[64];
  const std::size_t n = std::strftime(buffer, sizeof buffer, format, &tm);
  return std::string(buffer, n);
}

}  // namespace

std::string rfc3339_utc(std::chrono::system_clock::time_point t) {
  return format_utc(t, "%Y-%m-%dT%H:%M:%SZ");
}

std::string http_date(std::chrono::system_clock::time_point t) {
  // strftime's %a and %b follow the C locale, which is what HTTP requires.
  return format_utc(t, "%a, %d %b %Y %H:%M:%S GMT");
}

const std::string& cached_http_date_now() {
  thread_local std::string cached;
  thread_local std::time_t cached_second = -1;
  const auto now = std::chrono::system_clock::now();
  const std::time_t second = std::chrono::system_clock::to_time_t(now);
  if (second != cached_second) {
    cached = http_date(now);
    cached_second = second;
  }
  return cached;
}

}  // namespace cdscb::server::util
