// The HTTP transport on Boost.Beast (it costs ~26 s and 800 MB to compile):
// the accept loop, one coroutine per connection, and graceful shutdown.

// Beast speaks std::string_view like the rest of the server: BOOST_BEAST_USE_STD_STRING_VIEW is
// set for the whole library in CMakeLists.txt, since two files compiled with different settings
// would break the one-definition rule (integrations/http_client.cpp includes Beast too).

#include "http/server.h"

// clang-format off
#include <utility>  // first: Boost 1.74's awaitable.hpp uses std::exchange without including it
// clang-format on

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/buffer.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <csignal>
#include <list>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "http/messages.h"
#include "http/middleware.h"
#include "util/log.h"
#include "util/strings.h"
#include "util/time.h"

namespace cdscb::server::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kWriteTimeout = std::chrono::seconds(30);
constexpr auto kAcceptBackoff = std::chrono::milliseconds(50);
constexpr auto kDrainPoll = std::chrono::milliseconds(10);
// How long, and how much, discard_rest() reads after a 413 before closing anyway.
constexpr auto kDiscardTimeout = std::chrono::seconds(5);
constexpr auto kDiscardPause = std::chrono::milliseconds(500);
constexpr std::size_t kDiscardBytes = 64 * 1024 * 1024;

const auto kAwait = asio::use_awaitable;

struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  bool idle = true;  // waiting for a request; touched only on the connection's strand
};

std::optional<Request> to_request(bhttp::request<bhttp::string_body>& message,
                                  const std::string& remote) {
  auto request =
      Request::parse(std::string(message.method_string()), std::string(message.target()));
  if (!request) return std::nullopt;
  for (const auto& field : message) {
    request->headers.add(std::string(field.name_string()), std::string(field.value()));
  }
  request->body = std::move(message.body());
  request->remote_address = remote;
  return request;
}

// `queued` counts requests waiting for a worker: this one stops waiting as it starts.
asio::awaitable<Response> handle_on_worker(const Pipeline& pipeline, Request& request,
                                           std::atomic<long long>& queued) {
  --queued;
  co_return pipeline.handle(request);
}

// After an early answer (413) the client may still be sending its body. Closing at once with
// unread bytes makes the kernel send a reset, which can destroy the answer before the client
// reads it; so say we are done writing, then read and drop what still comes, for a while.
asio::awaitable<void> discard_rest(beast::tcp_stream& stream) {
  beast::error_code ec;
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  std::array<char, 16 * 1024> scratch;
  std::size_t dropped = 0;
  const auto deadline = Clock::now() + kDiscardTimeout;
  // A client that already sent everything and waits for the answer stops this after one pause.
  while (!ec && dropped < kDiscardBytes && Clock::now() < deadline) {
    stream.expires_after(kDiscardPause);
    dropped +=
        co_await stream.async_read_some(asio::buffer(scratch), asio::redirect_error(kAwait, ec));
  }
}

// Writes `response`; returns the number of body bytes sent.
asio::awaitable<std::size_t> write_response(beast::tcp_stream& stream, unsigned version, bool head,
                                            const Response& response, bool keep_alive,
                                            beast::error_code& ec) {
  bhttp::response<bhttp::span_body<const char>> out{static_cast<bhttp::status>(response.status),
                                                    version};
  for (const auto& [name, value] : response.headers) {
    if (util::iequals(name, "Content-Length") || util::iequals(name, "Connection") ||
        util::iequals(name, "Transfer-Encoding")) {
      continue;  // framing is the transport's business
    }
    if ((name + value).find_first_of("\r\n") != std::string::npos) {
      util::log_warn("dropped a response header holding a line break: " + name);
      continue;
    }
    out.insert(name, value);
  }
  out.set(bhttp::field::date, util::cached_http_date_now());
  const bool bodiless_status =
      response.status < 200 || response.status == 204 || response.status == 304;
  std::size_t sent = 0;
  if (head) {
    if (const auto length = response.headers.get("Content-Length")) {
      out.set(bhttp::field::content_length, *length);
    }
  } else if (!bodiless_status) {
    const std::string_view body = response.body_view();
    out.body() = {body.data(), body.size()};
    out.content_length(body.size());
    sent = body.size();
  }
  out.keep_alive(keep_alive);
  stream.expires_after(kWriteTimeout);
  co_await bhttp::async_write(stream, out, asio::redirect_error(kAwait, ec));
  co_return ec ? 0 : sent;
}

// `task` lives in the caller's coroutine frame until this completes.
asio::awaitable<void> run_periodic_task(const std::function<void()>& task) {
  try {
    task();
  } catch (const std::exception& e) {
    util::log_error(std::string("periodic task failed: ") + e.what());
  }
  co_return;
}

// Parse errors that deserve a 400 answer rather than a silent close.
bool is_malformed_request(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions server_options, const Pipeline& pipeline_ref)
      : options(std::move(server_options)),
        pipeline(pipeline_ref),
        ioc(static_cast<int>(std::max(1u, options.io_threads))),
        workers(std::max(1u, options.workers)),
        acceptor(asio::make_strand(ioc)),
        signals(acceptor.get_executor()) {}

  asio::awaitable<void> accept_loop();
  void start_connection(tcp::socket socket);
  asio::awaitable<void> serve(std::shared_ptr<Connection> connection);
  asio::awaitable<void> answer_error(Connection& connection, unsigned version, int status,
                                     std::string_view code, std::string_view message,
                                     std::string_view method, std::string_view path,
                                     Clock::time_point started);
  void forget(const std::shared_ptr<Connection>& connection);
  void begin_shutdown();
  asio::awaitable<void> drain();
  asio::awaitable<void> repeat(asio::steady_timer& timer, std::chrono::milliseconds interval,
                               std::function<void()> task);
  // `route`: the router's pattern, "static" for the site's files, "invalid" for a request that
  // could not be read.
  void log_request(std::string_view method, std::string_view path, std::string_view route,
                   int status, std::size_t bytes, Clock::time_point started) const {
    const auto took = Clock::now() - started;
    if (options.access_log) util::log_info(access_log_line(method, path, status, bytes, took));
    if (options.metrics)
      options.metrics->observe_request(method.empty() ? "-" : method, route, status,
                                       std::chrono::duration<double>(took).count());
  }

  ServerOptions options;
  const Pipeline& pipeline;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> connection_count{0};
  std::atomic<long long> queued{0};  // requests waiting for a worker
  std::mutex mutex;
  std::unordered_set<std::shared_ptr<Connection>> connections;  // guarded by mutex
  Clock::time_point last_limit_warning{};                       // acceptor strand only
  // Declared after the connection set: the io_context goes first, destroying the suspended
  // coroutines that still hold connections.
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor;  // on its own strand, shared with `signals` and `timers`
  asio::signal_set signals;
  std::list<asio::steady_timer> timers;  // of every(); cancelled at shutdown
  std::vector<std::pair<std::chrono::milliseconds, std::function<void()>>> periodic;
};

asio::awaitable<void> Server::Impl::accept_loop() {
  beast::error_code ec;
  asio::steady_timer backoff(acceptor.get_executor());
  while (!stopping) {
    tcp::socket socket(asio::make_strand(ioc));
    co_await acceptor.async_accept(socket, asio::redirect_error(kAwait, ec));
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) break;
      // E.g. out of file descriptors: retry shortly rather than spin.
      util::log_warn("accept failed: " + ec.message());
      backoff.expires_after(kAcceptBackoff);
      co_await backoff.async_wait(asio::redirect_error(kAwait, ec));
      continue;
    }
    start_connection(std::move(socket));
    // Take the rest of the backlog without waiting: one async_accept per wake-up falls behind
    // when a thousand clients connect at once.
    while (!stopping) {
      tcp::socket more(asio::make_strand(ioc));
      acceptor.accept(more, ec);  // the acceptor is non-blocking: would_block ends the batch
      if (ec) break;
      start_connection(std::move(more));
    }
  }
}

void Server::Impl::start_connection(tcp::socket socket) {
  beast::error_code ec;
  if (stopping || connection_count.load() >= options.max_connections) {
    socket.close(ec);
    const auto now = Clock::now();
    if (!stopping && now - last_limit_warning > std::chrono::seconds(1)) {
      last_limit_warning = now;
      util::log_warn("connection limit reached (" + std::to_string(options.max_connections) +
                     "); closing new connections");
    }
    return;
  }
  socket.set_option(tcp::no_delay(true), ec);
  auto connection = std::make_shared<Connection>(std::move(socket));
  {
    std::lock_guard lock(mutex);
    connections.insert(connection);
  }
  ++connection_count;
  asio::co_spawn(connection->stream.get_executor(), serve(connection), asio::detached);
}

void Server::Impl::forget(const std::shared_ptr<Connection>& connection) {
  {
    std::lock_guard lock(mutex);
    connections.erase(connection);
  }
  --connection_count;
}

asio::awaitable<void> Server::Impl::answer_error(Connection& connection, unsigned version,
                                                 int status, std::string_view code,
                                                 std::string_view message, std::string_view method,
                                                 std::string_view path, Clock::time_point started) {
  Response response = Response::error(status, code, message);
  pipeline.finish(path, response);
  beast::error_code ec;
  const std::size_t sent =
      co_await write_response(connection.stream, version, false, response, false, ec);
  log_request(method.empty() ? "-" : method, path.empty() ? "-" : path, "invalid", status, sent,
              started);
}

asio::awaitable<void> Server::Impl::serve(std::shared_ptr<Connection> connection) {
  struct Forget {
    Impl& impl;
    const std::shared_ptr<Connection>& connection;
    ~Forget() { impl.forget(connection); }
  } forget_on_exit{*this, connection};

  beast::tcp_stream& stream = connection->stream;
  beast::error_code ec;
  std::string remote;
  if (const auto endpoint = stream.socket().remote_endpoint(ec); !ec) {
    remote = endpoint.address().to_string();
  }
  beast::flat_buffer buffer;
  try {
    while (!stopping) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header));
      // Some routes (photo uploads) take bigger bodies; the real limit is set once the target
      // is known, before any body byte is parsed.
      parser.body_limit(std::max(options.max_body, pipeline.largest_body_limit()));
      connection->idle = true;
      stream.expires_after(options.idle_timeout);
      co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(kAwait, ec));
      connection->idle = false;
      const auto started = Clock::now();
      auto& message = parser.get();
      // Set as soon as the request line is parsed, so also known for a 413 or 431.
      const std::string_view method = message.method_string();
      const std::string_view path = raw_path_of(message.target());
      // Also after a body_limit error: a Content-Length past every limit ends the header read.
      const BodyLimit* route_limit = nullptr;
      if (!ec || ec == bhttp::error::body_limit) {
        route_limit = pipeline.body_limit_for(method, message.target());
      }
      const std::size_t body_limit = route_limit ? route_limit->max_bytes : options.max_body;
      if (!ec && parser.content_length() && *parser.content_length() > body_limit) {
        ec = bhttp::error::body_limit;
      }
      if (!ec) parser.body_limit(body_limit);
      if (!ec && !parser.is_done()) {
        if (util::iequals(message[bhttp::field::expect], "100-continue")) {
          bhttp::response<bhttp::empty_body> go_on{bhttp::status::continue_, message.version()};
          co_await bhttp::async_write(stream, go_on, asio::redirect_error(kAwait, ec));
        }
        if (!ec) {
          stream.expires_after(options.idle_timeout);
          co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(kAwait, ec));
        }
      }
      if (ec == bhttp::error::body_limit) {
        // Chosen before the co_await: g++ 12 mishandles ?: inside a co_await expression.
        std::string_view code = "payload_too_large";
        std::string_view text = messages::kPayloadTooLarge;
        if (route_limit) {
          code = route_limit->code;
          text = route_limit->message;
        }
        co_await answer_error(*connection, message.version(), 413, code, text, method, path,
                              started);
        co_await discard_rest(stream);
        break;
      }
      if (ec == bhttp::error::header_limit) {
        co_await answer_error(*connection, 11, 431, "headers_too_large", messages::kHeadersTooLarge,
                              method, path, started);
        break;
      }
      if (ec) {
        if (is_malformed_request(ec)) {
          co_await answer_error(*connection, 11, 400, "bad_request", messages::kBadRequest, method,
                                path, started);
        }
        break;  // closed, timed out, reset or cancelled by shutdown
      }

      const unsigned version = message.version();
      const bool keep_alive = message.keep_alive();
      auto request = to_request(message, remote);
      if (!request) {
        co_await answer_error(*connection, version, 400, "bad_request", messages::kBadRequest,
                              method, path, started);
        break;
      }
      Response response;
      // No co_await inside ?: — g++ 12 destroys the awaited temporary too early there.
      if (pipeline.needs_worker(*request)) {
        ++queued;
        response =
            co_await asio::co_spawn(workers, handle_on_worker(pipeline, *request, queued), kAwait);
      } else {
        response = pipeline.handle(*request);
      }
      const bool again = keep_alive && !stopping;
      const std::size_t sent =
          co_await write_response(stream, version, request->method == "HEAD", response, again, ec);
      log_request(request->method, request->path,
                  request->route.empty() ? std::string_view("static") : request->route,
                  response.status, sent, started);
      if (ec || !again) break;
    }
  } catch (const std::exception& e) {
    util::log_error(std::string("connection failed: ") + e.what());
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.close();
}

void Server::Impl::begin_shutdown() {
  if (stopping.exchange(true)) return;
  util::log_info("shutting down: no new connections, finishing requests in flight");
  asio::post(acceptor.get_executor(), [this] {
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    for (auto& timer : timers) timer.cancel();
  });
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mutex);
    open.assign(connections.begin(), connections.end());
  }
  for (auto& connection : open) {
    // On the connection's strand, so `idle` cannot change underneath; a busy connection closes
    // by itself after its response since `stopping` is set.
    asio::post(connection->stream.get_executor(), [connection] {
      if (connection->idle) connection->stream.cancel();
    });
  }
  asio::co_spawn(ioc, drain(), asio::detached);
}

asio::awaitable<void> Server::Impl::drain() {
  asio::steady_timer timer(ioc);
  const auto deadline = Clock::now() + options.shutdown_grace;
  while (connection_count.load() > 0 && Clock::now() < deadline) {
    timer.expires_after(kDrainPoll);
    co_await timer.async_wait(kAwait);
  }
  if (const std::size_t left = connection_count.load(); left > 0) {
    util::log_warn("closing " + std::to_string(left) + " connection(s) still busy at shutdown");
    ioc.stop();
  }
}

asio::awaitable<void> Server::Impl::repeat(asio::steady_timer& timer,
                                           std::chrono::milliseconds interval,
                                           std::function<void()> task) {
  beast::error_code ec;
  while (!stopping) {
    co_await asio::co_spawn(workers, run_periodic_task(task),
                            kAwait);  // it may block on the database
    // On the acceptor's strand, like the cancel at shutdown: stopping is set before that cancel
    // is posted, so either the check below sees it or the cancel finds the wait.
    if (stopping) break;
    timer.expires_after(interval);
    co_await timer.async_wait(asio::redirect_error(kAwait, ec));
  }
}

Server::Server(ServerOptions options, const Pipeline& pipeline)
    : impl_(std::make_unique<Impl>(std::move(options), pipeline)) {
  if (Metrics* metrics = impl_->options.metrics) {
    Impl* impl = impl_.get();  // the metrics' owner stops scraping before this server goes
    metrics->add_gauge("cdscb_worker_queue_length",
                       "Requests read and waiting for a worker thread.",
                       [impl] { return static_cast<double>(impl->queued.load()); });
    metrics->add_gauge("cdscb_open_connections", "Client connections open now.",
                       [impl] { return static_cast<double>(impl->connection_count.load()); });
    metrics->add_gauge("cdscb_workers", "Worker threads that run handlers.",
                       [impl] { return static_cast<double>(std::max(1u, impl->options.workers)); });
  }
}

Server::~Server() = default;

std::uint16_t Server::listen() {
  const auto address = asio::ip::make_address(impl_->options.host);
  const tcp::endpoint endpoint(address, impl_->options.port);
  tcp::acceptor& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  acceptor.non_blocking(true);
  return acceptor.local_endpoint().port();
}

void Server::run() {
  Impl& impl = *impl_;
  if (!impl.acceptor.is_open()) listen();
  if (impl.options.handle_signals) {
    impl.signals.add(SIGINT);
    impl.signals.add(SIGTERM);
    impl.signals.async_wait([&impl](const beast::error_code& ec, int signal_number) {
      if (ec) return;
      util::log_info("received signal " + std::to_string(signal_number));
      impl.begin_shutdown();
    });
  }
  asio::co_spawn(impl.acceptor.get_executor(), impl.accept_loop(), asio::detached);
  for (auto& [interval, task] : impl.periodic) {
    auto& timer = impl.timers.emplace_back(impl.acceptor.get_executor());
    asio::co_spawn(impl.acceptor.get_executor(), impl.repeat(timer, interval, std::move(task)),
                   asio::detached);
  }
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < std::max(1u, impl.options.io_threads); ++i) {
    threads.emplace_back([&impl] { impl.ioc.run(); });
  }
  impl.ioc.run();
  for (auto& thread : threads) thread.join();
  impl.workers.join();
}

void Server::stop() { impl_->begin_shutdown(); }

void Server::every(std::chrono::milliseconds interval, std::function<void()> task) {
  impl_->periodic.emplace_back(interval, std::move(task));
}

}  // namespace cdscb::server::http
