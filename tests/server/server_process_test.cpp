// The one test over real sockets: starts the cdscb-server executable on port 0, talks HTTP/1.1 to
// it with a plain Asio client, then stops it with SIGTERM as a service manager would.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"
#include "util/strings.h"
#include "version.h"

namespace asio = boost::asio;
using asio::ip::tcp;
using cdscb::server::testing::TempDir;
using cdscb::server::testing::write_file;

extern char** environ;

namespace {

struct Reply {
  int status = 0;
  std::string head;
  std::string body;
  bool has_header(std::string_view line) const { return head.find(line) != std::string::npos; }
};

// Reads one response with a Content-Length body from `socket`.
Reply read_reply(tcp::socket& socket, asio::streambuf& buffer) {
  asio::read_until(socket, buffer, "\r\n\r\n");
  std::string data(asio::buffers_begin(buffer.data()), asio::buffers_end(buffer.data()));
  const std::size_t head_end = data.find("\r\n\r\n") + 4;
  Reply reply;
  reply.head = data.substr(0, head_end);
  reply.status = std::stoi(reply.head.substr(9, 3));
  buffer.consume(head_end);
  std::size_t length = 0;
  const std::string lower = cdscb::server::util::to_lower(reply.head);
  if (const std::size_t at = lower.find("content-length: "); at != std::string::npos) {
    length = std::stoul(lower.substr(at + 16));
  }
  if (buffer.size() < length)
    asio::read(socket, buffer, asio::transfer_exactly(length - buffer.size()));
  reply.body.assign(asio::buffers_begin(buffer.data()),
                    asio::buffers_begin(buffer.data()) + length);
  buffer.consume(length);
  return reply;
}

class ServerProcess {
 public:
  explicit ServerProcess(std::vector<std::string> args) {
    int out[2];
    REQUIRE(pipe(out) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_path_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    args.insert(args.begin(), CDSCB_SERVER_BINARY);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&pid_, CDSCB_SERVER_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    stdout_fd_ = out[0];
    REQUIRE_MESSAGE(rc == 0, "cannot start " << CDSCB_SERVER_BINARY);
  }
  ~ServerProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(stdout_fd_);
  }

  // The first stdout line, waiting at most `timeout`.
  std::string first_line(std::chrono::milliseconds timeout) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      pollfd fd{stdout_fd_, POLLIN, 0};
      if (poll(&fd, 1, 100) <= 0) continue;
      char chunk[256];
      const ssize_t n = read(stdout_fd_, chunk, sizeof chunk);
      if (n <= 0) break;
      line.append(chunk, static_cast<std::size_t>(n));
    }
    return line.substr(0, line.find('\n'));
  }

  // The exit status after SIGTERM, or -1 if the process did not exit within `timeout`.
  int terminate(std::chrono::milliseconds timeout) {
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

  const std::string& log_path() const { return log_path_; }

 private:
  TempDir log_dir_;
  std::string log_path_ = (log_dir_.path() / "server.log").string();
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  bool exited_ = false;
};

}  // namespace

TEST_CASE("the server answers over a real socket and stops cleanly on SIGTERM") {
  const TempDir dir;
  write_file(dir.path() / "site" / "index.html", "<!doctype html><title>Công dân số</title>");
  ServerProcess server({"--listen", "127.0.0.1:0", "--db",
                        "sqlite:" + (dir.path() / "app.db").string(), "--data-dir",
                        (dir.path() / "data").string(), "--site-dir",
                        (dir.path() / "site").string(), "--max-body", "1K"});
  const std::string line = server.first_line(std::chrono::seconds(20));
  const std::string prefix = "listening on http://127.0.0.1:";
  REQUIRE_MESSAGE(line.starts_with(prefix), "stdout was: " << line);
  const auto port = static_cast<unsigned short>(std::stoi(line.substr(prefix.size())));
  CHECK(port != 0);

  asio::io_context io;
  tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  asio::streambuf buffer;

  // Two requests on one keep-alive connection: the API (worker pool), then a static file.
  asio::write(socket,
              asio::buffer(std::string("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")));
  const Reply health = read_reply(socket, buffer);
  CHECK(health.status == 200);
  CHECK(health.has_header("Content-Type: application/json; charset=utf-8\r\n"));
  CHECK(health.has_header("X-Content-Type-Options: nosniff\r\n"));
  const auto json = nlohmann::json::parse(health.body);
  CHECK(json["status"] == "ok");
  CHECK(json["database"] == "ok");
  CHECK(json["version"] == std::string(cdscb::server::server_version()));

  asio::write(socket, asio::buffer(std::string("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")));
  const Reply page = read_reply(socket, buffer);
  CHECK(page.status == 200);
  CHECK(page.body == "<!doctype html><title>Công dân số</title>");

  // A body over --max-body is refused with 413 and the connection closed.
  const std::string big(2048, 'x');
  asio::write(socket, asio::buffer("POST /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "Content-Length: 2048\r\n\r\n" +
                                   big));
  const Reply too_large = read_reply(socket, buffer);
  CHECK(too_large.status == 413);
  CHECK(nlohmann::json::parse(too_large.body)["error"]["code"] == "payload_too_large");
  CHECK(too_large.has_header("Connection: close\r\n"));

  // An idle keep-alive connection must not hold up shutdown.
  tcp::socket idle(io);
  idle.connect({asio::ip::make_address("127.0.0.1"), port});
  const auto started = std::chrono::steady_clock::now();
  CHECK(server.terminate(std::chrono::seconds(10)) == 0);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
}
