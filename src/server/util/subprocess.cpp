#include "util/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>

extern char** environ;

namespace cdscb::server::util {
namespace {

constexpr std::size_t kStderrKept = 64 * 1024;

// Reads what is ready on `fd` into `out` (keeping its tail); false at end of file.
bool drain(int fd, std::string& out) {
  std::array<char, 4096> buffer;
  const ssize_t n = read(fd, buffer.data(), buffer.size());
  if (n <= 0) return false;
  out.append(buffer.data(), static_cast<std::size_t>(n));
  if (out.size() > kStderrKept) out.erase(0, out.size() - kStderrKept);
  return true;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
  ProcessResult result;
  if (argv.empty()) return result;
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  int pipe_fds[2] = {-1, -1};
  if (options.capture_stderr && pipe2(pipe_fds, O_CLOEXEC) != 0) return result;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  const std::string out =
      options.capture_stdout_to.empty() ? std::string("/dev/null") : options.capture_stdout_to;
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (options.capture_stderr)
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  else
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (options.capture_stderr) close(pipe_fds[1]);
  if (spawned != 0) {
    if (options.capture_stderr) close(pipe_fds[0]);
    return result;
  }
  result.started = true;

  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  bool reading = options.capture_stderr;
  int status = 0;
  for (;;) {
    if (reading) {
      pollfd p{pipe_fds[0], POLLIN, 0};
      if (poll(&p, 1, 20) > 0) reading = drain(pipe_fds[0], result.error_output);
    } else {
      usleep(20'000);
    }
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      result.timed_out = true;
      break;
    }
  }
  if (options.capture_stderr) {
    while (!result.timed_out && drain(pipe_fds[0], result.error_output)) {
    }
    close(pipe_fds[0]);
  }
  if (!result.timed_out && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

}  // namespace cdscb::server::util
