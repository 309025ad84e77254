// The HTTP/1.1 server: accepts connections, reads requests, hands them to the pipeline (API on
// the worker pool, static files on the I/O thread) and writes responses. Boost.Beast lives only
// in listener.cpp, behind this interface.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/metrics.h"
#include "http/pipeline.h"

namespace cdscb::server::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: any free port, see Server::listen()
  unsigned io_threads = 2;
  unsigned workers = 4;
  std::size_t max_body = 1024 * 1024;  // bigger bodies get 413
  std::size_t max_header = 16 * 1024;  // bigger request heads get 431
  std::size_t max_connections = 10000;
  // Limit for reading a request (head and body) and for a keep-alive connection's silence.
  std::chrono::milliseconds idle_timeout = std::chrono::seconds(30);
  // How long shutdown waits for requests in flight before closing their connections.
  std::chrono::milliseconds shutdown_grace = std::chrono::seconds(5);
  bool handle_signals = true;  // SIGINT and SIGTERM start a graceful shutdown
  bool access_log = true;      // one line per request on stderr
  // Where requests are counted and timed, and this server's gauges (worker queue, connections)
  // registered; nullptr: none. Must outlive the server.
  Metrics* metrics = nullptr;
};

class Server {
 public:
  // `pipeline` must outlive the server.
  Server(ServerOptions options, const Pipeline& pipeline);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; returns the bound port (the real one when options.port was 0). Throws
  // std::system_error when the address cannot be bound.
  std::uint16_t listen();

  // Runs `task` on the worker pool when run() starts and then `interval` after each run ends,
  // until shutdown (housekeeping such as purging expired rows). Call before run(). An exception
  // from `task` is logged and the next run still happens.
  void every(std::chrono::milliseconds interval, std::function<void()> task);

  // Serves on options.io_threads threads (the caller's among them) until stop() or a signal,
  // then shuts down gracefully: stops accepting, closes idle connections, lets requests in
  // flight finish within shutdown_grace, and returns.
  void run();

  // Starts the graceful shutdown; safe from any thread, any number of times.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cdscb::server::http
