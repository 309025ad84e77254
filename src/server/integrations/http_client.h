// A small synchronous HTTP/1.1 client for talking to other systems (the SMS gateway, the VNeID
// provider), over plain http or https. For https the server's certificate must chain to a trusted
// authority (the system's store from ca-certificates, or HttpCall::ca_file) and name the host of
// the URL (hostname or IP checked by OpenSSL; SNI sent for names). It blocks the calling thread,
// so call it from the worker pool, never an I/O thread. Boost.Beast and OpenSSL live only in
// http_client.cpp, behind this interface.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "integrations/address_policy.h"

namespace cdscb::server::integrations {

struct HttpUrl {
  bool https = false;
  std::string host;          // a name or an address; IPv6 without brackets
  std::uint16_t port = 80;   // 443 by default for https
  std::string target = "/";  // path and query, as sent in the request line
};

// "http(s)://host[:port][/path][?query]"; nullopt for anything else.
std::optional<HttpUrl> parse_http_url(std::string_view url);

// "https://host:port" or "http://host:port", for messages.
std::string origin_of(const HttpUrl& url);

struct HttpReply {
  int status = 0;
  std::string body;
};

struct HttpCall {
  std::string method = "GET";
  std::vector<std::pair<std::string, std::string>> headers;  // besides Host and Content-Length
  std::string body;
  std::chrono::milliseconds timeout{10000};  // for each of connect, TLS handshake, send, receive
  std::size_t max_reply_body = 1024 * 1024;
  // PEM file of the certificate authorities trusted for https; empty: the system's store.
  std::string ca_file;
  // The addresses the name may be connected to: public ones, and those the operator allowed.
  AddressPolicy addresses;
};

// Sends one request on a fresh connection and reads the whole reply. Throws std::runtime_error
// (with the reason) when the server cannot be reached, every address of the host is refused by
// call.addresses ("refused: ... not a public address"), times out, fails the TLS checks (e.g.
// "certificate not trusted: ...", "... hostname mismatch") or answers malformed HTTP.
HttpReply http_call(const HttpUrl& url, const HttpCall& call);

}  // namespace cdscb::server::integrations
