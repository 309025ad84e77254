#pragma once
// The app's HTTP client for the server's JSON API (/api/v1/...). Requests are asynchronous: send()
// returns an id, and the answer arrives as an InboundEvent::kReply that the app hands to deliver();
// the screen that asked then takes it. In the browser this is fetch() with the session cookie.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace cdscb::app::api {

struct Response {
  int status = 0;    // 0 when the network failed
  std::string body;  // JSON text
  bool network_error() const { return status == 0; }
  bool ok() const { return status >= 200 && status < 300; }
};

// The server's error body {"error":{"code","message","fields":{…}}} in a form screens show.
struct ApiError {
  std::string code;
  std::string message;                        // fit to show to a citizen
  std::map<std::string, std::string> fields;  // field key → message next to that field
  std::string field(const std::string& key) const {
    auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second;
  }
};

// Reads the error of a failed response; a network failure gets its own plain message.
ApiError error_of(const Response& response);

class Client {
 public:
  // `idempotency_key`, when given, goes in the Idempotency-Key header (creating requests).
  std::string send(std::string_view method, std::string_view path, std::string_view json_body = {},
                   std::string_view idempotency_key = {});

  // Returns true when the reply belonged to one of this client's requests.
  bool deliver(const std::string& request_id, std::string_view reply_json);
  std::optional<Response> take(const std::string& request_id);
  // Whether an answer since the last call said the session is gone (401 "unauthenticated":
  // ended on another device, expired); the session state signs the user out then.
  bool take_session_ended() { return std::exchange(session_ended_, false); }

 private:
  std::set<std::string> in_flight_;
  bool session_ended_ = false;
  std::map<std::string, Response> answered_;
};

// One request a screen (or a state) waits for: start it, then poll it every frame.
class Call {
 public:
  void start(Client& client, std::string_view method, std::string_view path,
             std::string_view json_body = {}, std::string_view idempotency_key = {}) {
    id_ = client.send(method, path, json_body, idempotency_key);
  }
  bool waiting() const { return !id_.empty(); }
  std::optional<Response> poll(Client& client) {
    if (id_.empty()) return std::nullopt;
    auto response = client.take(id_);
    if (response) id_.clear();
    return response;
  }

 private:
  std::string id_;
};

// Platform part: starts the request; the answer comes back as {"status":N,"body":"..."}.
void start_request(const std::string& request_id, std::string_view method, std::string_view path,
                   std::string_view json_body, std::string_view idempotency_key = {});

}  // namespace cdscb::app::api
