#include "integrations/http_client.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <stdexcept>

#include "util/strings.h"

namespace cdscb::server::integrations {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::ip::tcp;

// One request and its reply, with callbacks on a private io_context: the caller's thread runs
// it to completion, whatever executor the caller itself runs on.
class Exchange {
 public:
  Exchange(asio::io_context& io, const HttpUrl& url, const HttpCall& call)
      : url_(url), call_(call), stream_(io), resolver_(io) {
    request_.method_string(call.method);
    request_.target(url.target);
    request_.version(11);
    const bool ipv6 = url.host.find(':') != std::string::npos;
    request_.set(bhttp::field::host,
                 (ipv6 ? "[" + url.host + "]" : url.host) + ":" + std::to_string(url.port));
    request_.set(bhttp::field::connection, "close");
    for (const auto& [name, value] : call.headers) request_.set(name, value);
    request_.body() = call.body;
    request_.prepare_payload();
    parser_.body_limit(call.max_reply_body);
  }

  void start() {
    resolver_.async_resolve(url_.host, std::to_string(url_.port),
                            [this](beast::error_code ec, tcp::resolver::results_type results) {
                              if (ec) return fail(ec, "resolve");
                              stream_.expires_after(call_.timeout);
                              stream_.async_connect(
                                  results, [this](beast::error_code ec, const tcp::endpoint&) {
                                    if (ec) return fail(ec, "connect");
                                    write();
                                  });
                            });
  }

  // Empty when the exchange succeeded.
  const std::string& error() const { return error_; }
  HttpReply reply() {
    return {static_cast<int>(parser_.get().result_int()), std::move(parser_.get().body())};
  }

 private:
  void write() {
    stream_.expires_after(call_.timeout);
    bhttp::async_write(stream_, request_, [this](beast::error_code ec, std::size_t) {
      if (ec) return fail(ec, "send");
      stream_.expires_after(call_.timeout);
      bhttp::async_read(stream_, buffer_, parser_, [this](beast::error_code ec, std::size_t) {
        if (ec) return fail(ec, "receive");
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
      });
    });
  }

  void fail(beast::error_code ec, const char* stage) {
    error_ = std::string(stage) + ": " + ec.message();
  }

  const HttpUrl& url_;
  const HttpCall& call_;
  beast::tcp_stream stream_;
  tcp::resolver resolver_;
  bhttp::request<bhttp::string_body> request_;
  beast::flat_buffer buffer_;
  bhttp::response_parser<bhttp::string_body> parser_;
  std::string error_;
};

}  // namespace

std::optional<HttpUrl> parse_http_url(std::string_view url) {
  if (!util::starts_with_ci(url, "http://")) return std::nullopt;
  url.remove_prefix(7);
  const std::size_t path_start = url.find_first_of("/?#");
  const std::string_view authority = url.substr(0, path_start);
  std::string_view rest = path_start == std::string_view::npos ? "" : url.substr(path_start);
  rest = rest.substr(0, rest.find('#'));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;

  HttpUrl out;
  std::string_view port;
  if (authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    out.host = std::string(authority.substr(1, close - 1));
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') return std::nullopt;
    if (!after.empty()) port = after.substr(1);
  } else {
    const std::size_t colon = authority.find(':');
    out.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
  }
  if (out.host.empty() || out.host.find_first_of(" \t\r\n/\\") != std::string::npos) {
    return std::nullopt;
  }
  if (!port.empty()) {
    const auto number = util::parse_unsigned(port);
    if (!number || *number == 0 || *number > 65535) return std::nullopt;
    out.port = static_cast<std::uint16_t>(*number);
  }
  if (rest.find_first_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
  out.target = rest.empty()            ? "/"
               : rest.starts_with('?') ? "/" + std::string(rest)
                                       : std::string(rest);
  return out;
}

HttpReply http_call(const HttpUrl& url, const HttpCall& call) {
  asio::io_context io;
  Exchange exchange(io, url, call);
  exchange.start();
  io.run();
  if (!exchange.error().empty()) {
    throw std::runtime_error("HTTP " + call.method + " http://" + url.host + ":" +
                             std::to_string(url.port) + " failed: " + exchange.error());
  }
  return exchange.reply();
}

}  // namespace cdscb::server::integrations
