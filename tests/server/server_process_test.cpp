// The tests over real sockets: start the cdscb-server executable on port 0 (on the run's database
// backend), talk HTTP/1.1 to it with a plain Asio client, then stop it with SIGTERM as a service
// manager would.
#include <doctest/doctest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "db/test_database.h"
#include "test_support.h"
#include "util/strings.h"
#include "version.h"

namespace asio = boost::asio;
using asio::ip::tcp;
using cdscb::server::testing::ChildProcess;
using cdscb::server::testing::TempDir;
using cdscb::server::testing::TestDatabase;
using cdscb::server::testing::write_file;

namespace {

struct Reply {
  int status = 0;
  std::string head;
  std::string body;
  bool has_header(std::string_view line) const { return head.find(line) != std::string::npos; }
};

// Reads one response with a Content-Length body from `socket`.
Reply read_reply(tcp::socket& socket, asio::streambuf& buffer) {
  asio::read_until(socket, buffer, "\r\n\r\n");
  std::string data(asio::buffers_begin(buffer.data()), asio::buffers_end(buffer.data()));
  const std::size_t head_end = data.find("\r\n\r\n") + 4;
  Reply reply;
  reply.head = data.substr(0, head_end);
  reply.status = std::stoi(reply.head.substr(9, 3));
  buffer.consume(head_end);
  std::size_t length = 0;
  const std::string lower = cdscb::server::util::to_lower(reply.head);
  if (const std::size_t at = lower.find("content-length: "); at != std::string::npos) {
    length = std::stoul(lower.substr(at + 16));
  }
  if (buffer.size() < length)
    asio::read(socket, buffer, asio::transfer_exactly(length - buffer.size()));
  reply.body.assign(asio::buffers_begin(buffer.data()),
                    asio::buffers_begin(buffer.data()) + length);
  buffer.consume(length);
  return reply;
}

}  // namespace

TEST_CASE("the server answers over a real socket and stops cleanly on SIGTERM") {
  const TempDir dir;
  const TestDatabase place;
  write_file(dir.path() / "site" / "index.html", "<!doctype html><title>Công dân số</title>");
  ChildProcess server(CDSCB_SERVER_BINARY,
                      {"--listen", "127.0.0.1:0", "--db", place.url_string(), "--data-dir",
                       (dir.path() / "data").string(), "--site-dir", (dir.path() / "site").string(),
                       "--max-body", "1K"});
  const std::string line = server.first_line(std::chrono::seconds(20));
  const std::string prefix = "listening on http://127.0.0.1:";
  REQUIRE_MESSAGE(line.starts_with(prefix), "stdout was: " << line);
  const auto port = static_cast<unsigned short>(std::stoi(line.substr(prefix.size())));
  CHECK(port != 0);

  asio::io_context io;
  tcp::socket socket(io);
  socket.connect({asio::ip::make_address("127.0.0.1"), port});
  asio::streambuf buffer;

  // Two requests on one keep-alive connection: the API (worker pool), then a static file.
  asio::write(socket,
              asio::buffer(std::string("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")));
  const Reply health = read_reply(socket, buffer);
  CHECK(health.status == 200);
  CHECK(health.has_header("Content-Type: application/json; charset=utf-8\r\n"));
  CHECK(health.has_header("X-Content-Type-Options: nosniff\r\n"));
  const auto json = nlohmann::json::parse(health.body);
  CHECK(json["status"] == "ok");
  CHECK(json["database"] == "ok");
  CHECK(json["version"] == std::string(cdscb::server::server_version()));

  asio::write(socket, asio::buffer(std::string("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")));
  const Reply page = read_reply(socket, buffer);
  CHECK(page.status == 200);
  CHECK(page.body == "<!doctype html><title>Công dân số</title>");

  // A body over --max-body is refused with 413 and the connection closed.
  const std::string big(2048, 'x');
  asio::write(socket, asio::buffer("POST /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "Content-Length: 2048\r\n\r\n" +
                                   big));
  const Reply too_large = read_reply(socket, buffer);
  CHECK(too_large.status == 413);
  CHECK(nlohmann::json::parse(too_large.body)["error"]["code"] == "payload_too_large");
  CHECK(too_large.has_header("Connection: close\r\n"));

  // An idle keep-alive connection must not hold up shutdown.
  tcp::socket idle(io);
  idle.connect({asio::ip::make_address("127.0.0.1"), port});
  const auto started = std::chrono::steady_clock::now();
  CHECK(server.terminate(std::chrono::seconds(10)) == 0);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
}

TEST_CASE("over real sockets: register, the code through the sandbox SMS gateway, sign in") {
  const TempDir dir;
  const TestDatabase place;
  ChildProcess gateway("node", {CDSCB_SOURCE_DIR "/sandbox/sms/server.mjs", "--port", "0",
                                "--outbox", (dir.path() / "outbox.jsonl").string()});
  const unsigned short sms_port =
      cdscb::server::testing::listening_port(gateway.first_line(std::chrono::seconds(20)));
  REQUIRE(sms_port != 0);
  ChildProcess server(
      CDSCB_SERVER_BINARY,
      {"--listen", "127.0.0.1:0", "--db", place.url_string(), "--data-dir",
       (dir.path() / "data").string(), "--site-dir", (dir.path() / "none").string(), "--sms-url",
       "http://127.0.0.1:" + std::to_string(sms_port) + "/messages", "--trusted-proxy",
       "10.0.0.2,127.0.0.1", "--allow-private-fetch", "127.0.0.1:" + std::to_string(sms_port)});
  const unsigned short port =
      cdscb::server::testing::listening_port(server.first_line(std::chrono::seconds(20)));
  REQUIRE(port != 0);

  asio::io_context io;
  const auto exchange = [&](unsigned short to, const std::string& request) {
    tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), to});
    asio::write(socket, asio::buffer(request));
    asio::streambuf buffer;
    return read_reply(socket, buffer);
  };
  const auto post = [&](const std::string& path, const nlohmann::json& body,
                        const std::string& headers = "") {
    const std::string text = body.dump();
    return exchange(port, "POST " + path +
                              " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                              "application/json\r\n" +
                              headers + "Content-Length: " + std::to_string(text.size()) +
                              "\r\n\r\n" + text);
  };

  const Reply registered = post("/api/v1/accounts/register", {{"full_name", "Nông Thị Hồng"},
                                                              {"phone", "0912 345 678"},
                                                              {"password", "Thac Ban Gioc 2025"}});
  REQUIRE_MESSAGE(registered.status == 201, registered.body);
  // The code goes out from the jobs worker a moment after the answer: wait until it is there.
  nlohmann::json messages = nlohmann::json::array();
  for (int i = 0; i < 300 && messages.empty(); ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const Reply outbox = exchange(sms_port,
                                  "GET /messages?to=0912345678 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  "Connection: close\r\n\r\n");
    messages = nlohmann::json::parse(outbox.body);
  }
  REQUIRE(messages.size() == 1);
  const std::string text = messages[0]["text"];
  const std::string code = text.substr(text.find_first_of("0123456789"), 6);

  const Reply verified = post("/api/v1/accounts/verify", {{"phone", "0912345678"}, {"code", code}});
  CHECK(verified.status == 200);
  CHECK(verified.has_header("; HttpOnly; SameSite=Lax"));
  // Through the trusted proxy (the peer is 127.0.0.1): the session records the client's address.
  const Reply signed_in =
      post("/api/v1/sessions", {{"phone", "0912345678"}, {"password", "Thac Ban Gioc 2025"}},
           "X-Forwarded-For: 1.2.3.4, 203.0.113.99\r\n");
  CHECK(signed_in.status == 200);
  CHECK(nlohmann::json::parse(signed_in.body)["user"]["full_name"] == "Nông Thị Hồng");
  const std::string cookie =
      signed_in.head.substr(signed_in.head.find("cdscb_session="),
                            signed_in.head.find(';', signed_in.head.find("cdscb_session=")) -
                                signed_in.head.find("cdscb_session="));
  const Reply sessions = exchange(port,
                                  "GET /api/v1/me/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                  "Cookie: " +
                                      cookie + "\r\nConnection: close\r\n\r\n");
  REQUIRE(sessions.status == 200);
  bool seen = false;
  const auto listed = nlohmann::json::parse(sessions.body);
  for (const auto& session : listed["sessions"]) {
    if (session["current"] == true) seen = session["ip"] == "203.0.113.99";
  }
  CHECK_MESSAGE(seen, sessions.body);
  CHECK(server.terminate(std::chrono::seconds(10)) == 0);
  CHECK(gateway.terminate(std::chrono::seconds(10)) == 0);

  // The log tells that a code went out, never the code itself.
  std::ifstream log_file(server.log_path());
  const std::string log((std::istreambuf_iterator<char>(log_file)),
                        std::istreambuf_iterator<char>());
  CHECK(log.find("register code sent to 091****678") != std::string::npos);
  CHECK(log.find(code) == std::string::npos);
}

TEST_CASE("over real sockets: a 20 MB photo upload gets a 413 JSON answer, not a reset") {
  const TempDir dir;
  const TestDatabase place;
  ChildProcess server(CDSCB_SERVER_BINARY, {"--listen", "127.0.0.1:0", "--db", place.url_string(),
                                            "--data-dir", (dir.path() / "data").string(),
                                            "--site-dir", (dir.path() / "none").string()});
  const unsigned short port =
      cdscb::server::testing::listening_port(server.first_line(std::chrono::seconds(20)));
  REQUIRE(port != 0);
  asio::io_context io;
  // Sends the whole request from another thread, as a browser keeps sending its body, and reads
  // the answer meanwhile.
  const auto send = [&](const std::string& path, std::size_t body_size, bool chunked = false) {
    tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    std::string head =
        "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/jpeg\r\n";
    std::string body(body_size, '\xAB');
    if (chunked) {
      char size[32];
      std::snprintf(size, sizeof size, "%zx\r\n", body.size());
      head += "Transfer-Encoding: chunked\r\n\r\n";
      body = size + body + "\r\n0\r\n\r\n";
    } else {
      head += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    }
    std::thread writer([&socket, data = head + body] {
      boost::system::error_code ignored;
      asio::write(socket, asio::buffer(data), ignored);
    });
    asio::streambuf buffer;
    Reply reply = read_reply(socket, buffer);
    writer.join();
    return reply;
  };

  const Reply huge = send("/api/v1/media", 20 * 1024 * 1024);
  CHECK(huge.status == 413);
  CHECK(huge.has_header("Content-Type: application/json; charset=utf-8\r\n"));
  const auto error = nlohmann::json::parse(huge.body)["error"];
  CHECK(error["code"] == "too_large");
  CHECK(error["message"] == "Ảnh vượt quá 10 MB.");
  // Without a Content-Length the same limit holds while the body streams in.
  CHECK(send("/api/v1/media", 12 * 1024 * 1024, true).status == 413);
  // 5 MB passes the transport on this route (then needs a signed-in user) …
  const Reply signed_out = send("/api/v1/media", 5 * 1024 * 1024);
  CHECK(signed_out.status == 401);
  // … while other routes keep the small default limit.
  const Reply other = send("/api/v1/health", 2 * 1024 * 1024);
  CHECK(other.status == 413);
  CHECK(nlohmann::json::parse(other.body)["error"]["code"] == "payload_too_large");
  CHECK(server.terminate(std::chrono::seconds(10)) == 0);
}

TEST_CASE("--metrics-listen serves Prometheus metrics apart from the app, by route pattern") {
  const TempDir dir;
  const TestDatabase place;
  write_file(dir.path() / "site" / "index.html", "<!doctype html><title>Công dân số</title>");
  ChildProcess server(CDSCB_SERVER_BINARY,
                      {"--listen", "127.0.0.1:0", "--db", place.url_string(), "--data-dir",
                       (dir.path() / "data").string(), "--site-dir", (dir.path() / "site").string(),
                       "--metrics-listen", "127.0.0.1:0", "--log-format", "json"});
  const std::string metrics_line = server.next_line(std::chrono::seconds(20));
  const std::string metrics_prefix = "metrics on http://127.0.0.1:";
  REQUIRE_MESSAGE(metrics_line.starts_with(metrics_prefix), "stdout was: " << metrics_line);
  const auto metrics_port =
      static_cast<unsigned short>(std::stoi(metrics_line.substr(metrics_prefix.size())));
  const std::string line = server.next_line(std::chrono::seconds(20));
  const std::string prefix = "listening on http://127.0.0.1:";
  REQUIRE_MESSAGE(line.starts_with(prefix), "stdout was: " << line);
  const auto port = static_cast<unsigned short>(std::stoi(line.substr(prefix.size())));

  asio::io_context io;
  const auto get = [&io](unsigned short to, const std::string& target) {
    tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), to});
    asio::streambuf buffer;
    asio::write(socket, asio::buffer("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    return read_reply(socket, buffer);
  };
  CHECK(get(port, "/api/v1/health").status == 200);
  CHECK(get(port, "/api/v1/news/999999").status == 404);
  CHECK(get(port, "/").status == 200);
  // Not on the app's own port: citizens never see it.
  CHECK(get(port, "/metrics").status == 404);

  const Reply scrape = get(metrics_port, "/metrics");
  CHECK(scrape.status == 200);
  CHECK(scrape.has_header("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n"));
  CHECK(scrape.body.find("cdscb_http_requests_total{method=\"GET\",route=\"/api/v1/health\","
                         "status=\"200\"} 1\n") != std::string::npos);
  // The pattern, never the raw path: one series whatever the id.
  CHECK(scrape.body.find("route=\"/api/v1/news/{id}\",status=\"404\"} 1\n") != std::string::npos);
  CHECK(scrape.body.find("/api/v1/news/999999") == std::string::npos);
  CHECK(scrape.body.find("route=\"static\",status=\"200\"} 1\n") != std::string::npos);
  CHECK(scrape.body.find("\ncdscb_worker_queue_length 0\n") != std::string::npos);
  CHECK(scrape.body.find("\ncdscb_jobs_pending ") != std::string::npos);
  CHECK(scrape.body.find("cdscb_http_request_duration_seconds_bucket{method=\"GET\","
                         "route=\"/api/v1/health\",le=\"+Inf\"} 1\n") != std::string::npos);
  CHECK(server.terminate(std::chrono::seconds(10)) == 0);

  // --log-format json: every stderr line is one JSON object.
  std::ifstream log(server.log_path());
  std::string entry;
  int lines = 0;
  while (std::getline(log, entry)) {
    const auto json = nlohmann::json::parse(entry, nullptr, false);
    CHECK_MESSAGE(json.is_object(), entry);
    if (json.is_object()) CHECK(json.contains("time"));
    ++lines;
  }
  CHECK(lines > 3);
}
