#include "app/api/client.h"

#include <nlohmann/json.hpp>

#include "app/platform/requests.h"

namespace api {

std::string Client::send(std::string_view method, std::string_view path,
                         std::string_view json_body) {
  std::string id = platform::next_request_id("api");
  in_flight_[id] = true;
  start_request(id, method, path, json_body);
  return id;
}

bool Client::deliver(const std::string& request_id, std::string_view reply_json) {
  if (!in_flight_.erase(request_id)) return false;
  Response response;
  auto reply = nlohmann::json::parse(reply_json, nullptr, /*allow_exceptions=*/false);
  if (reply.is_object()) {
    response.status = reply.value("status", 0);
    response.body = reply.value("body", std::string());
  }
  answered_[request_id] = std::move(response);
  return true;
}

std::optional<Response> Client::take(const std::string& request_id) {
  auto it = answered_.find(request_id);
  if (it == answered_.end()) return std::nullopt;
  Response response = std::move(it->second);
  answered_.erase(it);
  return response;
}

}  // namespace api
