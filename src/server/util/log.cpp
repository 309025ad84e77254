#include "util/log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "util/time.h"

namespace cdscb::server::util {

std::string escape_control(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      out += "\\x";
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xf]);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {
std::atomic<bool> json_lines{false};
}  // namespace

void set_log_json(bool json) { json_lines = json; }

void log(std::string_view level, std::string_view message) {
  std::string line;
  const std::string time = rfc3339_utc(std::chrono::system_clock::now());
  if (json_lines) {
    // JSON escapes control characters itself; bytes that are not UTF-8 become U+FFFD.
    line = nlohmann::json{{"time", time}, {"level", level}, {"message", message}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
  } else {
    line = time + " " + std::string(level) + " " + escape_control(message);
  }
  line.push_back('\n');
  std::string_view rest = line;
  while (!rest.empty()) {
    const ssize_t n = ::write(STDERR_FILENO, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // nowhere to report a failing stderr
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace cdscb::server::util
