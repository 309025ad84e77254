// The server's own request type: what a handler sees, independent of the transport.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "http/headers.h"

namespace cdscb::server::http {

// Decoded query parameters; a name may repeat (?status=a&status=b).
using QueryParams = std::multimap<std::string, std::string, std::less<>>;
// Path parameters filled in by the router: pattern "/things/{id}" gives {"id", "42"}.
using PathParams = std::map<std::string, std::string, std::less<>>;

struct Request {
  std::string method;  // as sent, e.g. "GET"
  std::string target;  // raw request-target, e.g. "/api/v1/things/42?x=1"
  std::string path;    // percent-decoded path without the query, e.g. "/api/v1/things/42"
  QueryParams query;   // percent-decoded, '+' as space
  Headers headers;     // case-insensitive lookup
  std::string body;
  std::string remote_address;  // peer IP as text; empty when not from a socket
  PathParams params;           // filled by Router
  // The pattern of the route that answered ("/api/v1/feedback/{id}"), set by Router; empty when
  // none did (static files, unknown paths). Metrics count by it, never by the raw path.
  std::string route;

  // Builds a request from a method and a raw target; nullopt if the target is not an
  // origin-form path ("/...") or holds a malformed percent escape.
  static std::optional<Request> parse(std::string method, std::string target);

  std::optional<std::string_view> header(std::string_view name) const { return headers.get(name); }
  // The first value of a query parameter.
  std::optional<std::string_view> query_param(std::string_view name) const;
  std::optional<std::string_view> param(std::string_view name) const;
};

// The target's path part, not decoded (the router splits it before decoding segments).
std::string_view raw_path_of(std::string_view target);

}  // namespace cdscb::server::http
