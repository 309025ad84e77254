// The one door to the network for the VNeID client: a function from a request to a response, so
// the OpenID Connect logic runs in tests against a fake provider without sockets. Production plugs
// the project's HTTP client in behind it.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cdscb::server::integrations::vneid {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct OutboundRequest {
  std::string method = "GET";
  std::string url;  // absolute, as published by the provider
  HeaderList headers;
  std::string body;
};

struct OutboundResponse {
  int status = 0;
  HeaderList headers;
  std::string body;
  std::string error;  // non-empty when no HTTP answer came back (DNS, connect, TLS, timeout)
};

// May block for a network round trip: the client is meant to run on the worker pool. An
// implementation may report a transport failure by throwing or by setting `error`.
using HttpFetch = std::function<OutboundResponse(const OutboundRequest&)>;

}  // namespace cdscb::server::integrations::vneid
