#pragma once
// The app's HTTP client for the server's JSON API (/api/v1/...). Requests are asynchronous: send()
// returns an id, and the answer arrives as an InboundEvent::kReply that the app hands to deliver();
// the screen that asked then takes it. In the browser this is fetch() with the session cookie.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace api {

struct Response {
  int status = 0;    // 0 when the network failed
  std::string body;  // JSON text
  bool network_error() const { return status == 0; }
  bool ok() const { return status >= 200 && status < 300; }
};

class Client {
 public:
  std::string send(std::string_view method, std::string_view path, std::string_view json_body = {});
  std::string get(std::string_view path) { return send("GET", path); }

  // Returns true when the reply belonged to one of this client's requests.
  bool deliver(const std::string& request_id, std::string_view reply_json);
  std::optional<Response> take(const std::string& request_id);
  bool pending(const std::string& request_id) const { return in_flight_.count(request_id) > 0; }

 private:
  std::map<std::string, bool> in_flight_;
  std::map<std::string, Response> answered_;
};

// Platform part: starts the request; the answer comes back as {"status":N,"body":"..."}.
void start_request(const std::string& request_id, std::string_view method, std::string_view path,
                   std::string_view json_body);

}  // namespace api
