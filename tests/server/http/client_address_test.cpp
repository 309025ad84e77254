// Which address a request counts as coming from: the TCP peer, or behind a trusted reverse
// proxy, the right-most untrusted X-Forwarded-For address.
#include "http/client_address.h"

#include <doctest/doctest.h>

#include "http/pipeline.h"
#include "test_support.h"

using namespace cdscb::server::http;
using cdscb::server::testing::make_request;

namespace {

Headers forwarded(std::initializer_list<std::string> values) {
  Headers headers;
  for (const auto& value : values) headers.add("X-Forwarded-For", value);
  return headers;
}

const std::vector<std::string> kProxies = {"10.0.0.2", "10.0.0.3", "2001:db8::2"};

}  // namespace

TEST_CASE("without trusted proxies X-Forwarded-For is ignored") {
  CHECK(client_address("203.0.113.7", forwarded({"198.51.100.1"}), {}) == "203.0.113.7");
  CHECK(client_address("203.0.113.7", {}, {}) == "203.0.113.7");
}

TEST_CASE("a spoofed X-Forwarded-For from an untrusted peer is ignored") {
  // The peer is not a configured proxy: whatever it writes, it is the client.
  CHECK(client_address("203.0.113.7", forwarded({"198.51.100.1"}), kProxies) == "203.0.113.7");
  CHECK(client_address("203.0.113.7", forwarded({"10.0.0.2"}), kProxies) == "203.0.113.7");
  CHECK(client_address("203.0.113.7", forwarded({"198.51.100.1, 10.0.0.3"}), kProxies) ==
        "203.0.113.7");
}

TEST_CASE("behind a trusted proxy the right-most untrusted address is the client") {
  CHECK(client_address("10.0.0.2", forwarded({"198.51.100.1"}), kProxies) == "198.51.100.1");
  // The client wrote its own X-Forwarded-For: the left-most entry is a lie and is skipped.
  CHECK(client_address("10.0.0.2", forwarded({"1.2.3.4, 198.51.100.1"}), kProxies) ==
        "198.51.100.1");
  // Two proxies in a row; several header lines read in order; IPv6 with a port and brackets.
  CHECK(client_address("10.0.0.2", forwarded({"6.6.6.6, 198.51.100.1", "10.0.0.3"}), kProxies) ==
        "198.51.100.1");
  CHECK(client_address("2001:db8::2", forwarded({"[2001:db8:1::9]:4711"}), kProxies) ==
        "2001:db8:1::9");
  CHECK(client_address("10.0.0.2", forwarded({"198.51.100.1:5555"}), kProxies) == "198.51.100.1");
  // An IPv4-mapped peer (a dual-stack socket) is the same proxy.
  CHECK(client_address("::ffff:10.0.0.2", forwarded({"198.51.100.1"}), kProxies) == "198.51.100.1");
}

TEST_CASE("behind a trusted proxy, missing or malformed entries stop at the last trusted hop") {
  CHECK(client_address("10.0.0.2", {}, kProxies) == "10.0.0.2");
  CHECK(client_address("10.0.0.2", forwarded({"unknown"}), kProxies) == "10.0.0.2");
  CHECK(client_address("10.0.0.2", forwarded({"198.51.100.1, garbage, 10.0.0.3"}), kProxies) ==
        "10.0.0.3");
  CHECK(client_address("10.0.0.2", forwarded({"10.0.0.3"}), kProxies) == "10.0.0.3");
}

TEST_CASE("the pipeline gives handlers the client address") {
  Router router;
  router.get("/api/v1/whoami",
             [](const Request& request) { return Response::text(200, request.remote_address); });
  const StaticFiles site;
  const Pipeline plain(router, site, {});
  const Pipeline proxied(router, site,
                         {.public_origin = "", .tile_origin = "", .trusted_proxies = {"10.0.0.2"}});
  const auto ask = [](const Pipeline& pipeline, const std::string& peer) {
    Request request = make_request("GET", "/api/v1/whoami");
    request.remote_address = peer;
    request.headers.add("X-Forwarded-For", "198.51.100.1");
    return pipeline.handle(request).body;
  };
  CHECK(ask(plain, "10.0.0.2") == "10.0.0.2");
  CHECK(ask(proxied, "10.0.0.2") == "198.51.100.1");
  CHECK(ask(proxied, "203.0.113.7") == "203.0.113.7");  // spoofed by a client
}
