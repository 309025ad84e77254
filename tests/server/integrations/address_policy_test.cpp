// Outbound HTTP connects to public addresses only, unless the operator allowed a private one:
// the check is on the addresses a name resolves to, right before connecting.
#include "integrations/address_policy.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "config.h"
#include "integrations/http_client.h"
#include "test_support.h"

using namespace cdscb::server;
using namespace cdscb::server::integrations;
using cdscb::server::testing::ChildProcess;
using cdscb::server::testing::listening_port;

TEST_CASE("only public unicast addresses are public") {
  for (const char* ip :
       {"8.8.8.8", "1.1.1.1", "203.0.114.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"}) {
    CHECK_MESSAGE(is_public_address(ip), ip);
  }
  for (const char* ip : {"127.0.0.1",
                         "127.1.2.3",
                         "10.0.0.1",
                         "10.255.255.255",
                         "172.16.0.1",
                         "172.31.255.1",
                         "192.168.1.1",
                         "169.254.169.254",
                         "100.64.0.1",
                         "0.0.0.0",
                         "224.0.0.1",
                         "255.255.255.255",
                         "192.0.2.1",
                         "198.18.0.1",
                         "::1",
                         "::",
                         "fe80::1",
                         "fc00::1",
                         "fd12:3456::1",
                         "::ffff:127.0.0.1",
                         "::ffff:10.0.0.1",
                         "::ffff:169.254.169.254",
                         "2001:db8::1",
                         "2002:7f00:1::1",
                         "64:ff9b::7f00:1",
                         "ff02::1",
                         "localhost",
                         "not an address"}) {
    CHECK_FALSE_MESSAGE(is_public_address(ip), ip);
  }
}

TEST_CASE("allowed private addresses: by address and port, by address, or by network") {
  const auto by_port = parse_allowed_address("127.0.0.1:8025");
  REQUIRE(by_port);
  CHECK(by_port->port == 8025);
  CHECK(parse_allowed_address("[::1]:9000"));
  CHECK(parse_allowed_address("::1"));
  CHECK(parse_allowed_address("10.0.0.0/8"));
  CHECK(parse_allowed_address("fd00::/8"));
  for (const char* bad : {"", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:70000", "localhost:80",
                          "10.0.0.0/33", "[::1]", "[::1]:", "10.0.0.0/8:80", "sandbox"}) {
    CHECK_FALSE_MESSAGE(parse_allowed_address(bad), bad);
  }

  AddressPolicy policy;
  policy.allowed = {*parse_allowed_address("127.0.0.1:8025"), *parse_allowed_address("10.0.0.0/8"),
                    *parse_allowed_address("[::1]:9000")};
  CHECK(policy.allows("127.0.0.1", 8025));
  CHECK(policy.allows("::ffff:127.0.0.1", 8025));  // the same host, written as IPv6
  CHECK_FALSE(policy.allows("127.0.0.1", 8026));
  CHECK_FALSE(policy.allows("127.0.0.2", 8025));
  CHECK(policy.allows("10.20.30.40", 443));
  CHECK(policy.allows("11.0.0.1", 443));  // public: always allowed
  CHECK(policy.allows("::1", 9000));
  CHECK_FALSE(policy.allows("::1", 9001));
  CHECK_FALSE(policy.allows("169.254.169.254", 80));
  CHECK_FALSE(AddressPolicy{}.allows("127.0.0.1", 8025));
}

TEST_CASE("http_call refuses loopback, private and link-local targets unless allowed") {
  // A local server that counts the connections it accepted.
  ChildProcess local("node",
                     {"-e",
                      "let n=0;const s=require('http').createServer((q,r)=>r.end(String(n)))"
                      ";s.on('connection',()=>n++);s.listen(0,'127.0.0.1',()=>console.log("
                      "'listening on http://127.0.0.1:'+s.address().port))"});
  const unsigned short port = listening_port(local.first_line(std::chrono::seconds(20)));
  REQUIRE(port != 0);
  const std::string at = ":" + std::to_string(port) + "/";
  HttpCall call;
  call.timeout = std::chrono::seconds(5);
  for (const std::string url :
       {"http://127.0.0.1" + at, "http://localhost" + at, "http://[::1]" + at,
        "http://[::ffff:127.0.0.1]" + at, "http://10.1.2.3" + at, "http://169.254.169.254" + at,
        "http://192.168.0.10" + at, "http://0.0.0.0" + at}) {
    std::string error;
    try {
      http_call(*parse_http_url(url), call);
    } catch (const std::runtime_error& e) {
      error = e.what();
    }
    CHECK_MESSAGE(error.find("refused:") != std::string::npos, url << " gave: " << error);
    CHECK_MESSAGE(error.find("--allow-private-fetch") != std::string::npos, error);
  }
  // Allowed by address and port, the same server answers: its first connection is this one, so
  // none of the refused calls reached it.
  call.addresses.allowed = {*parse_allowed_address("127.0.0.1:" + std::to_string(port))};
  const HttpReply reply = http_call(*parse_http_url("http://127.0.0.1" + at), call);
  CHECK(reply.status == 200);
  CHECK(reply.body == "1");
  // A name resolving to the allowed address is allowed too: the check is on the address.
  CHECK(http_call(*parse_http_url("http://localhost" + at), call).body == "2");
}

TEST_CASE("--allow-private-fetch is repeatable, checked, and documented") {
  const EnvLookup no_env = [](const char*) -> std::optional<std::string> { return std::nullopt; };
  const auto parsed = parse_config(
      {"--allow-private-fetch", "127.0.0.1:8025", "--allow-private-fetch=10.0.0.0/8,[::1]:9000"},
      no_env);
  REQUIRE(parsed.config);
  CHECK(parsed.config->outbound.allowed.size() == 3);
  CHECK(parsed.config->outbound.allows("10.1.1.1", 80));
  CHECK_FALSE(parsed.config->outbound.allows("127.0.0.1", 8026));
  CHECK(parse_config({}, no_env).config->outbound.allowed.empty());
  CHECK(parse_config({"--allow-private-fetch", "sandbox:80"}, no_env).exit_code == 2);
  const auto from_env = parse_config({}, [](const char* name) -> std::optional<std::string> {
    if (std::string(name) == "ALLOW_PRIVATE_FETCH") return "127.0.0.1:9";
    return std::nullopt;
  });
  REQUIRE(from_env.config);
  CHECK(from_env.config->outbound.allows("127.0.0.1", 9));
  CHECK(usage_text().find("--allow-private-fetch") != std::string::npos);
}
