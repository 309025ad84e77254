// Runs another program (ffmpeg for camera snapshots, pg_dump and pg_restore for backups) without a
// shell: the arguments are passed as they are, so nothing in them is ever interpreted.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace cdscb::server::util {

struct ProcessResult {
  bool started = false;      // false: the program could not be run (not installed?)
  bool timed_out = false;    // stopped with SIGKILL after the timeout
  int exit_code = -1;        // its exit status when it exited by itself, else -1
  std::string error_output;  // what it wrote on stderr (its last 64 KiB), when captured
  bool ok() const { return started && !timed_out && exit_code == 0; }
};

struct ProcessOptions {
  std::chrono::milliseconds timeout{std::chrono::minutes(30)};
  bool capture_stderr = false;    // else stderr goes to /dev/null, like stdin
  std::string capture_stdout_to;  // a file to write stdout into; empty: /dev/null
};

// argv[0] is looked up in PATH. Blocks until the program exits or the timeout passes.
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

}  // namespace cdscb::server::util
