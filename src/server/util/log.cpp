#include "util/log.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
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

void log(std::string_view level, std::string_view message) {
  std::string line = rfc3339_utc(std::chrono::system_clock::now());
  line.push_back(' ');
  line.append(level);
  line.push_back(' ');
  line.append(escape_control(message));
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
