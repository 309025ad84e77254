#include "test_support.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <soci/soci.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace cdscb::server::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "cdscb-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

http::Request make_request(std::string method, std::string target) {
  auto request = http::Request::parse(std::move(method), target);
  REQUIRE_MESSAGE(request.has_value(), "malformed target " << target);
  return std::move(*request);
}

ChildProcess::ChildProcess(std::string program, std::vector<std::string> args) {
  int out[2];
  REQUIRE(pipe(out) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_path_.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  args.insert(args.begin(), program);
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const int rc = posix_spawnp(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  stdout_fd_ = out[0];
  REQUIRE_MESSAGE(rc == 0, "cannot start " << program);
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !exited_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  close(stdout_fd_);
}

std::string ChildProcess::next_line(std::chrono::milliseconds timeout) {
  std::string& line = stdout_read_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd fd{stdout_fd_, POLLIN, 0};
    if (poll(&fd, 1, 100) <= 0) continue;
    char chunk[256];
    const ssize_t n = read(stdout_fd_, chunk, sizeof chunk);
    if (n <= 0) break;
    line.append(chunk, static_cast<std::size_t>(n));
  }
  const std::size_t end = line.find('\n');
  std::string first = line.substr(0, end);
  line.erase(0, end == std::string::npos ? line.size() : end + 1);
  return first;
}

int ChildProcess::terminate(std::chrono::milliseconds timeout) {
  kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      exited_ = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

unsigned short listening_port(const std::string& line) {
  const std::string prefix = "listening on http://127.0.0.1:";
  if (!line.starts_with(prefix)) return 0;
  try {
    return static_cast<unsigned short>(std::stoi(line.substr(prefix.size())));
  } catch (const std::exception&) {
    return 0;
  }
}

integrations::AddressPolicy loopback_allowed() {
  return {.allowed = {*integrations::parse_allowed_address("127.0.0.0/8"),
                      *integrations::parse_allowed_address("::1")}};
}

integrations::HttpCall loopback_call() {
  integrations::HttpCall call;
  call.addresses = loopback_allowed();
  return call;
}

}  // namespace cdscb::server::testing
