#include "integrations/http_client.h"

// clang-format off
#include <utility>  // first: Boost 1.74's awaitable.hpp uses std::exchange without including it
// clang-format on

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <exception>
#include <stdexcept>

#include "util/strings.h"

namespace cdscb::server::integrations {
namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::ip::tcp;

const auto kAwait = asio::use_awaitable;

struct StageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void check(const beast::error_code& ec, const char* stage) {
  if (ec) throw StageError(std::string(stage) + ": " + ec.message());
}

bhttp::request<bhttp::string_body> make_request(const HttpUrl& url, const HttpCall& call) {
  bhttp::request<bhttp::string_body> request;
  request.method_string(call.method);
  request.target(url.target);
  request.version(11);
  const bool ipv6 = url.host.find(':') != std::string::npos;
  request.set(bhttp::field::host,
              (ipv6 ? "[" + url.host + "]" : url.host) + ":" + std::to_string(url.port));
  request.set(bhttp::field::connection, "close");
  for (const auto& [name, value] : call.headers) request.set(name, value);
  request.body() = call.body;
  request.prepare_payload();
  return request;
}

template <class Stream>
asio::awaitable<HttpReply> send_and_receive(Stream& stream, const HttpUrl& url,
                                            const HttpCall& call) {
  beast::error_code ec;
  auto request = make_request(url, call);
  beast::get_lowest_layer(stream).expires_after(call.timeout);
  co_await bhttp::async_write(stream, request, asio::redirect_error(kAwait, ec));
  check(ec, "send");
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(call.max_reply_body);
  beast::get_lowest_layer(stream).expires_after(call.timeout);
  co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(kAwait, ec));
  check(ec, "receive");
  co_return HttpReply{static_cast<int>(parser.get().result_int()), std::move(parser.get().body())};
}

ssl::context tls_context(const HttpCall& call) {
  ssl::context context(ssl::context::tls_client);
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                      ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  beast::error_code ec;
  if (call.ca_file.empty()) {
    context.set_default_verify_paths(ec);
    check(ec, "loading the system's certificate authorities");
  } else {
    context.load_verify_file(call.ca_file, ec);
    check(ec, ("loading the certificate authorities of " + call.ca_file).c_str());
  }
  context.set_verify_mode(ssl::verify_peer);
  return context;
}

// Why a handshake failed, in words an operator can act on.
std::string handshake_failure(SSL* ssl, const beast::error_code& ec) {
  const long verify = SSL_get_verify_result(ssl);
  if (verify != X509_V_OK) {
    return std::string("certificate not trusted: ") + X509_verify_cert_error_string(verify);
  }
  return "TLS handshake: " + ec.message();
}

asio::awaitable<HttpReply> exchange(const HttpUrl& url, const HttpCall& call) {
  const auto executor = co_await asio::this_coro::executor;
  beast::error_code ec;
  tcp::resolver resolver(executor);
  const auto endpoints = co_await resolver.async_resolve(url.host, std::to_string(url.port),
                                                         asio::redirect_error(kAwait, ec));
  check(ec, "resolve");
  // Connect only to addresses that passed the policy: checking the URL's text alone would let a
  // name that resolves to 127.0.0.1 (or a rebinding DNS answer) through.
  std::vector<tcp::endpoint> allowed;
  std::string refused;
  for (const auto& entry : endpoints) {
    const tcp::endpoint endpoint = entry.endpoint();
    if (call.addresses.allows(endpoint.address().to_string(), endpoint.port())) {
      allowed.push_back(endpoint);
    } else if (refused.empty()) {
      refused = endpoint.address().to_string();
    }
  }
  if (allowed.empty()) {
    throw StageError("refused: " + refused +
                     " is not a public address (the operator may allow it with "
                     "--allow-private-fetch)");
  }
  beast::tcp_stream tcp_stream(executor);
  tcp_stream.expires_after(call.timeout);
  co_await tcp_stream.async_connect(allowed, asio::redirect_error(kAwait, ec));
  check(ec, "connect");
  if (!url.https) {
    HttpReply reply = co_await send_and_receive(tcp_stream, url, call);
    tcp_stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    co_return reply;
  }

  ssl::context context = tls_context(call);
  beast::ssl_stream<beast::tcp_stream> stream(std::move(tcp_stream), context);
  SSL* ssl = stream.native_handle();
  boost::system::error_code not_ip;
  asio::ip::make_address(url.host, not_ip);
  if (!not_ip) {
    // An address in the URL: the certificate must list it (no SNI for addresses).
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), url.host.c_str());
  } else if (!SSL_set_tlsext_host_name(ssl, url.host.c_str()) ||
             !SSL_set1_host(ssl, url.host.c_str())) {
    throw StageError("TLS: cannot set the host name " + url.host);
  }
  beast::get_lowest_layer(stream).expires_after(call.timeout);
  co_await stream.async_handshake(ssl::stream_base::client, asio::redirect_error(kAwait, ec));
  if (ec) throw StageError(handshake_failure(ssl, ec));
  HttpReply reply = co_await send_and_receive(stream, url, call);
  // Connection: close and a complete reply: no TLS close_notify round trip is needed.
  beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ec);
  co_return reply;
}

}  // namespace

std::optional<HttpUrl> parse_http_url(std::string_view url) {
  HttpUrl out;
  if (util::starts_with_ci(url, "http://")) {
    url.remove_prefix(7);
  } else if (util::starts_with_ci(url, "https://")) {
    url.remove_prefix(8);
    out.https = true;
    out.port = 443;
  } else {
    return std::nullopt;
  }
  const std::size_t path_start = url.find_first_of("/?#");
  const std::string_view authority = url.substr(0, path_start);
  std::string_view rest = path_start == std::string_view::npos ? "" : url.substr(path_start);
  rest = rest.substr(0, rest.find('#'));
  if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;

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

std::string origin_of(const HttpUrl& url) {
  const bool ipv6 = url.host.find(':') != std::string::npos;
  return std::string(url.https ? "https://" : "http://") +
         (ipv6 ? "[" + url.host + "]" : url.host) + ":" + std::to_string(url.port);
}

HttpReply http_call(const HttpUrl& url, const HttpCall& call) {
  // A private io_context: the caller's thread runs the exchange to completion, whatever
  // executor the caller itself runs on.
  asio::io_context io;
  std::exception_ptr failure;
  HttpReply reply;
  asio::co_spawn(io, exchange(url, call), [&](std::exception_ptr error, HttpReply result) {
    failure = error;
    reply = std::move(result);
  });
  io.run();
  if (failure) {
    std::string reason;
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      reason = e.what();
    }
    throw std::runtime_error("HTTP " + call.method + " " + origin_of(url) + " failed: " + reason);
  }
  return reply;
}

}  // namespace cdscb::server::integrations
