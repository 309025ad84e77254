// The real HTTP SmsSender against the sandbox gateway (sandbox/sms/server.mjs, run with node).
#include "integrations/sms/http_sms_sender.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "integrations/http_client.h"
#include "test_support.h"

using namespace cdscb::server::integrations;
using cdscb::server::testing::ChildProcess;
using cdscb::server::testing::listening_port;
using cdscb::server::testing::loopback_allowed;
using cdscb::server::testing::loopback_call;
using cdscb::server::testing::TempDir;

TEST_CASE("http(s) URLs are parsed; others are refused") {
  const auto url = parse_http_url("http://127.0.0.1:8025/messages?key=1");
  REQUIRE(url);
  CHECK(url->host == "127.0.0.1");
  CHECK(url->port == 8025);
  CHECK(url->target == "/messages?key=1");
  CHECK(parse_http_url("http://sms.example")->target == "/");
  CHECK(parse_http_url("http://sms.example")->port == 80);
  CHECK(parse_http_url("http://[::1]:9000/x")->host == "::1");
  CHECK_FALSE(parse_http_url("ftp://sms.example/"));
  CHECK_FALSE(parse_http_url("http://"));
  CHECK_FALSE(parse_http_url("http://user:pw@sms.example/"));
  CHECK_FALSE(parse_http_url("http://sms.example:99999/"));
  CHECK_FALSE(parse_http_url("http://sms.example/a b"));
}

TEST_CASE("messages reach the sandbox gateway's outbox, readable by number") {
  const TempDir dir;
  const std::string outbox = (dir.path() / "outbox.jsonl").string();
  ChildProcess gateway(
      "node", {CDSCB_SOURCE_DIR "/sandbox/sms/server.mjs", "--port", "0", "--outbox", outbox});
  const std::string line = gateway.first_line(std::chrono::seconds(20));
  const unsigned short port = listening_port(line);
  REQUIRE_MESSAGE(port != 0, "stdout was: " << line);
  const std::string base = "http://127.0.0.1:" + std::to_string(port);

  HttpSmsSender sender(base + "/messages", std::chrono::seconds(10), "", loopback_allowed());
  CHECK(sender.send("0912345678", "Mã xác nhận của bạn là 123456."));
  CHECK(sender.send("0987654321", "Tin khác"));

  const auto read = http_call(*parse_http_url(base + "/messages?to=0912345678"), loopback_call());
  CHECK(read.status == 200);
  const auto messages = nlohmann::json::parse(read.body);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0]["to"] == "0912345678");
  CHECK(messages[0]["text"] == "Mã xác nhận của bạn là 123456.");
  CHECK(messages[0]["at"].is_string());

  // The gateway refuses a malformed message: send() reports the failure.
  CHECK_FALSE(sender.send("not a number", "x"));
  HttpSmsSender wrong_path(base + "/nowhere", std::chrono::seconds(10), "", loopback_allowed());
  CHECK_FALSE(wrong_path.send("0912345678", "x"));

  CHECK(gateway.terminate(std::chrono::seconds(10)) == 0);
  // Nothing listens any more: send() fails instead of throwing.
  CHECK_FALSE(sender.send("0912345678", "x"));
}

TEST_CASE("without a gateway URL nothing is sent") {
  HttpSmsSender sender("");
  CHECK_FALSE(sender.send("0912345678", "x"));
  CHECK_THROWS_AS(HttpSmsSender("ftp://sms.example/"), std::invalid_argument);
}

TEST_CASE("a gateway that does not answer in time fails the send") {
  // A listening socket that never reads: the connect succeeds, the reply never comes.
  ChildProcess silent("node",
                      {"-e",
                       "const s=require('net').createServer(()=>{}).listen(0,'127.0.0.1',"
                       "()=>console.log('listening on http://127.0.0.1:'+s.address().port))"});
  const unsigned short port = listening_port(silent.first_line(std::chrono::seconds(20)));
  REQUIRE(port != 0);
  HttpSmsSender sender("http://127.0.0.1:" + std::to_string(port) + "/messages",
                       std::chrono::milliseconds(300), "", loopback_allowed());
  const auto started = std::chrono::steady_clock::now();
  CHECK_FALSE(sender.send("0912345678", "x"));
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}
