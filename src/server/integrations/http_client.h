// A small synchronous HTTP/1.1 client for talking to other systems (the SMS gateway now). Plain
// http only. It blocks the calling thread, so call it from the worker pool, never an I/O thread.
// Boost.Beast lives only in http_client.cpp, behind this interface.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdscb::server::integrations {

struct HttpUrl {
  std::string host;  // a name or an address; IPv6 without brackets
  std::uint16_t port = 80;
  std::string target = "/";  // path and query, as sent in the request line
};

// "http://host[:port][/path][?query]"; nullopt for anything else (https is not supported yet).
std::optional<HttpUrl> parse_http_url(std::string_view url);

struct HttpReply {
  int status = 0;
  std::string body;
};

struct HttpCall {
  std::string method = "GET";
  std::vector<std::pair<std::string, std::string>> headers;  // besides Host and Content-Length
  std::string body;
  std::chrono::milliseconds timeout{10000};  // for each of connect, send and receive
  std::size_t max_reply_body = 1024 * 1024;
};

// Sends one request on a fresh connection and reads the whole reply. Throws std::runtime_error
// (with the reason) when the server cannot be reached, times out or answers malformed HTTP.
HttpReply http_call(const HttpUrl& url, const HttpCall& call);

}  // namespace cdscb::server::integrations
