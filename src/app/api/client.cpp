#include "app/api/client.h"

#include "app/api/json.h"
#include "app/platform/requests.h"

namespace cdscb::app::api {

std::string Client::send(std::string_view method, std::string_view path, std::string_view json_body,
                         std::string_view idempotency_key) {
  std::string id = platform::next_request_id("api");
  in_flight_.insert(id);
  start_request(id, method, path, json_body, idempotency_key);
  return id;
}

bool Client::deliver(const std::string& request_id, std::string_view reply_json) {
  if (!in_flight_.erase(request_id)) return false;
  Response response;
  auto reply = nlohmann::json::parse(reply_json, nullptr, /*allow_exceptions=*/false);
  response.status = static_cast<int>(integer(reply, "status"));
  response.body = str(reply, "body");
  if (response.status == 401 && error_of(response).code == "unauthenticated") session_ended_ = true;
  answered_[request_id] = std::move(response);
  return true;
}

ApiError error_of(const Response& response) {
  ApiError error;
  if (response.network_error()) {
    error.code = "network";
    error.message = "Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.";
    return error;
  }
  auto body = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  const nlohmann::json e =
      body.is_object() && body.contains("error") ? body["error"] : nlohmann::json();
  if (e.is_object()) {
    error.code = str(e, "code");
    error.message = str(e, "message");
    if (auto fields = e.find("fields"); fields != e.end() && fields->is_object()) {
      for (auto it = fields->begin(); it != fields->end(); ++it)
        if (it.value().is_string()) error.fields[it.key()] = it.value().get<std::string>();
    }
  }
  if (error.message.empty()) error.message = "Máy chủ đang bận hoặc gặp lỗi. Vui lòng thử lại sau.";
  return error;
}

std::optional<Response> Client::take(const std::string& request_id) {
  auto it = answered_.find(request_id);
  if (it == answered_.end()) return std::nullopt;
  Response response = std::move(it->second);
  answered_.erase(it);
  return response;
}

}  // namespace cdscb::app::api
