// Helpers shared by the server tests.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "http/request.h"
#include "integrations/address_policy.h"
#include "integrations/http_client.h"

namespace cdscb::server::testing {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `bytes` to `path`, creating parent directories.
void write_file(const std::filesystem::path& path, std::string_view bytes);

// A request as the transport would build it; fails the test if `target` is malformed.
http::Request make_request(std::string method, std::string target);

// A program run for a test, its stdout on a pipe and stderr in a log file; killed (SIGKILL) on
// destruction if still running.
class ChildProcess {
 public:
  // `program` is looked up on PATH when it has no slash.
  ChildProcess(std::string program, std::vector<std::string> args);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The first stdout line, waiting at most `timeout`.
  std::string first_line(std::chrono::milliseconds timeout) { return next_line(timeout); }
  // The next stdout line not returned yet, waiting at most `timeout`.
  std::string next_line(std::chrono::milliseconds timeout);
  // The exit status after SIGTERM, or -1 if the process did not exit within `timeout`.
  int terminate(std::chrono::milliseconds timeout);
  const std::string& log_path() const { return log_path_; }

 private:
  TempDir log_dir_;
  std::string log_path_ = (log_dir_.path() / "stderr.log").string();
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  std::string stdout_read_;  // read from stdout, not returned as a line yet
  bool exited_ = false;
};

// Outbound HTTP to the test's own servers on loopback (127.0.0.0/8 and ::1), allowed explicitly
// as an operator would with --allow-private-fetch; and an HttpCall with that policy.
integrations::AddressPolicy loopback_allowed();
integrations::HttpCall loopback_call();

// The port of a "listening on http://127.0.0.1:PORT" line; 0 when the line is not one.
unsigned short listening_port(const std::string& line);

}  // namespace cdscb::server::testing
