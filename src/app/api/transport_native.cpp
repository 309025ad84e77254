// The desktop build talks to the server named by CDSCB_SERVER (default http://127.0.0.1:8080)
// with a plain blocking HTTP/1.1 exchange; the answer is queued like the browser's would be.
#include <netdb.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/platform/inbox.h"

namespace cdscb::app::api {
namespace {

struct Endpoint {
  std::string host = "127.0.0.1";
  std::string port = "8080";
};

Endpoint server_endpoint() {
  Endpoint endpoint;
  const char* env = std::getenv("CDSCB_SERVER");
  std::string url = env ? env : "";
  if (url.rfind("http://", 0) != 0) return endpoint;
  url = url.substr(
      7, url.find('/', 7) == std::string::npos ? std::string::npos : url.find('/', 7) - 7);
  auto colon = url.rfind(':');
  endpoint.host = url.substr(0, colon);
  if (colon != std::string::npos) endpoint.port = url.substr(colon + 1);
  return endpoint;
}

// Returns the raw response, or an empty string when the server could not be reached.
std::string exchange(const std::string& request) {
  const Endpoint endpoint = server_endpoint();
  addrinfo hints{}, *found = nullptr;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(endpoint.host.c_str(), endpoint.port.c_str(), &hints, &found) != 0) return {};
  int fd = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  timeval timeout{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  std::string response;
  if (fd >= 0 && connect(fd, found->ai_addr, found->ai_addrlen) == 0 &&
      send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size())) {
    char buffer[16384];
    for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, n);
  }
  if (fd >= 0) close(fd);
  freeaddrinfo(found);
  return response;
}

}  // namespace

void start_request(const std::string& request_id, std::string_view method, std::string_view path,
                   std::string_view json_body, std::string_view idempotency_key) {
  std::string request = std::string(method) + " " + std::string(path) +
                        " HTTP/1.1\r\nHost: " + server_endpoint().host +
                        "\r\nAccept: application/json\r\nConnection: close\r\n";
  if (!json_body.empty())
    request +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(json_body.size()) +
        "\r\n";
  if (!idempotency_key.empty())
    request += "Idempotency-Key: " + std::string(idempotency_key) + "\r\n";
  request += "\r\n";
  request += json_body;

  const std::string raw = exchange(request);
  nlohmann::json reply = {{"status", 0}, {"body", ""}};
  const auto header_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.", 0) == 0 && header_end != std::string::npos) {
    reply["status"] = std::atoi(raw.c_str() + 9);
    reply["body"] = raw.substr(header_end + 4);
  }
  platform::inbox().push({platform::InboundEvent::Kind::kReply, request_id, reply.dump()});
}

}  // namespace cdscb::app::api
