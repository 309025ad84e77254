// Log lines to stderr. Each line is written with a single write(2), so lines from concurrent
// threads never interleave and no lock is needed.
#pragma once

#include <string>
#include <string_view>

namespace cdscb::server::util {

// Writes "<RFC 3339 time> <level> <message>\n"; control characters in `message` are escaped so a
// request path cannot forge log lines. With set_log_json(true) (--log-format json), each line is
// a JSON object instead: {"time","level","message"}, for a log collector.
void log(std::string_view level, std::string_view message);
inline void log_info(std::string_view message) { log("info", message); }
inline void log_warn(std::string_view message) { log("warn", message); }
inline void log_error(std::string_view message) { log("error", message); }

void set_log_json(bool json);

// `s` with bytes below 0x20 and 0x7f written as \xNN.
std::string escape_control(std::string_view s);

}  // namespace cdscb::server::util
