// Outbound https: a local TLS server (node) with certificates made by the test (openssl), trusted
// through HttpCall::ca_file. A request succeeds only when the certificate chains to a trusted
// authority and names the host of the URL.
#include <doctest/doctest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "integrations/http_client.h"
#include "integrations/sms/http_sms_sender.h"
#include "test_support.h"

using namespace cdscb::server::integrations;
using cdscb::server::testing::ChildProcess;
using cdscb::server::testing::listening_port;
using cdscb::server::testing::TempDir;
using cdscb::server::testing::write_file;

namespace {

// Answers every request with what it saw, including the SNI name the client sent.
constexpr const char* kServerScript = R"(
const https = require('https');
const fs = require('fs');
const [key, cert] = process.argv.slice(-2);
const server = https.createServer({key: fs.readFileSync(key), cert: fs.readFileSync(cert)},
  (req, res) => {
    let body = '';
    req.on('data', (chunk) => body += chunk);
    req.on('end', () => {
      res.writeHead(req.url === '/messages' ? 202 : 200, {'Content-Type': 'application/json'});
      res.end(JSON.stringify({method: req.method, path: req.url, body,
                              servername: req.socket.servername || null}));
    });
  });
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' +
                                                server.address().port));
)";

// A test CA; a certificate it signs for `san` (e.g. "DNS:localhost,IP:127.0.0.1") as <name>.pem.
struct Certificates {
  Certificates() {
    run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key "
        "-out ca.pem -days 2 -subj '/CN=cdscb test CA' "
        "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign");
    issue("good", "DNS:localhost,IP:127.0.0.1");
    issue("other", "DNS:other.example");
  }
  void issue(const std::string& name, const std::string& san) {
    write_file(
        dir.path() / (name + ".ext"),
        "subjectAltName=" + san + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    run("openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout " + name +
        ".key -out " + name + ".csr -subj '/CN=" + name + "'");
    run("openssl x509 -req -in " + name + ".csr -CA ca.pem -CAkey ca.key -CAcreateserial -out " +
        name + ".pem -days 2 -extfile " + name + ".ext");
  }
  void run(const std::string& command) {
    const std::string line = "cd '" + dir.path().string() + "' && " + command + " 2>/dev/null";
    REQUIRE_MESSAGE(std::system(line.c_str()) == 0, command);
  }
  std::string path(const std::string& file) const { return (dir.path() / file).string(); }
  TempDir dir;
};

struct TlsServer {
  TlsServer(const Certificates& certificates, const std::string& name)
      : process("node", {"-e", kServerScript, certificates.path(name + ".key"),
                         certificates.path(name + ".pem")}),
        port(listening_port(process.first_line(std::chrono::seconds(20)))) {
    REQUIRE(port != 0);
  }
  std::string url(const std::string& host, const std::string& path = "/hello") const {
    return "https://" + host + ":" + std::to_string(port) + path;
  }
  ChildProcess process;
  unsigned short port;
};

// The reason http_call gives for refusing `url`; empty when it succeeded.
std::string refusal(const std::string& url, const std::string& ca_file) {
  HttpCall call = cdscb::server::testing::loopback_call();
  call.ca_file = ca_file;
  call.timeout = std::chrono::seconds(5);
  try {
    http_call(*parse_http_url(url), call);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("https URLs are parsed with port 443 by default") {
  const auto url = parse_http_url("https://sms.example/send?x=1");
  REQUIRE(url);
  CHECK(url->https);
  CHECK(url->port == 443);
  CHECK(url->target == "/send?x=1");
  CHECK(parse_http_url("HTTPS://[::1]:8443")->port == 8443);
  CHECK_FALSE(parse_http_url("http://sms.example")->https);
  CHECK(origin_of(*parse_http_url("https://sms.example")) == "https://sms.example:443");
}

TEST_CASE("https to a server whose certificate chains to the trusted CA and names the host") {
  const Certificates certificates;
  const TlsServer server(certificates, "good");
  HttpCall call = cdscb::server::testing::loopback_call();
  call.method = "POST";
  call.body = "{\"x\":1}";
  call.ca_file = certificates.path("ca.pem");
  const HttpReply by_address = http_call(*parse_http_url(server.url("127.0.0.1")), call);
  CHECK(by_address.status == 200);
  const auto seen = nlohmann::json::parse(by_address.body);
  CHECK(seen["method"] == "POST");
  CHECK(seen["path"] == "/hello");
  CHECK(seen["body"] == "{\"x\":1}");
  CHECK(seen["servername"].is_null());  // no SNI for an address

  const HttpReply by_name = http_call(*parse_http_url(server.url("localhost")), call);
  CHECK(by_name.status == 200);
  CHECK(nlohmann::json::parse(by_name.body)["servername"] == "localhost");  // SNI sent
}

TEST_CASE("https is refused when the certificate is not trusted") {
  const Certificates certificates;
  const TlsServer server(certificates, "good");
  // The system's store does not know the test CA.
  const std::string system_store = refusal(server.url("127.0.0.1"), "");
  CHECK(system_store.find("certificate not trusted: unable to get local issuer certificate") !=
        std::string::npos);
  CHECK(system_store.find("https://127.0.0.1:" + std::to_string(server.port)) != std::string::npos);
  // A CA file that does not hold the issuer.
  const Certificates others;
  CHECK(refusal(server.url("127.0.0.1"), others.path("ca.pem")).find("certificate not trusted") !=
        std::string::npos);
  CHECK(refusal(server.url("127.0.0.1"), certificates.path("missing.pem"))
            .find("loading the certificate authorities") != std::string::npos);
}

TEST_CASE("https is refused when the certificate names another host") {
  const Certificates certificates;
  const TlsServer server(certificates, "other");
  const std::string ca = certificates.path("ca.pem");
  CHECK(refusal(server.url("localhost"), ca).find("certificate not trusted: hostname mismatch") !=
        std::string::npos);
  CHECK(refusal(server.url("127.0.0.1"), ca).find("certificate not trusted: IP address mismatch") !=
        std::string::npos);
}

TEST_CASE("the SMS gateway may be https, checked against --ca-file") {
  const Certificates certificates;
  const TlsServer server(certificates, "good");
  HttpSmsSender trusted(server.url("127.0.0.1", "/messages"), std::chrono::seconds(5),
                        certificates.path("ca.pem"), cdscb::server::testing::loopback_allowed());
  CHECK(trusted.send("0912345678", "x"));
  HttpSmsSender untrusted(server.url("127.0.0.1", "/messages"), std::chrono::seconds(5), "",
                          cdscb::server::testing::loopback_allowed());
  CHECK_FALSE(untrusted.send("0912345678", "x"));
}

TEST_CASE("a TLS handshake that never completes times out") {
  // A listening socket that never answers: the connect succeeds, the handshake never ends.
  ChildProcess silent("node",
                      {"-e",
                       "const s=require('net').createServer(()=>{}).listen(0,'127.0.0.1',"
                       "()=>console.log('listening on http://127.0.0.1:'+s.address().port))"});
  const unsigned short port = listening_port(silent.first_line(std::chrono::seconds(20)));
  REQUIRE(port != 0);
  HttpCall call = cdscb::server::testing::loopback_call();
  call.timeout = std::chrono::milliseconds(300);
  const auto started = std::chrono::steady_clock::now();
  std::string reason;
  try {
    http_call(*parse_http_url("https://127.0.0.1:" + std::to_string(port) + "/"), call);
  } catch (const std::runtime_error& e) {
    reason = e.what();
  }
  CHECK(reason.find("TLS handshake") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}
