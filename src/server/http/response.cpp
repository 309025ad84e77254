#include "http/response.h"

#include <nlohmann/json.hpp>

#include "util/vietnamese.h"

namespace cdscb::server::http {

Response Response::json(int status, const nlohmann::json& value) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", "application/json; charset=utf-8");
  // Replace rather than throw on invalid UTF-8: a response must always be produced.
  response.body = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response Response::error(int status, std::string_view code, std::string_view message) {
  return error(status, code, message, nlohmann::json::object());
}

// Core's validation messages arrive as message keys: every error answers their Vietnamese text.
Response Response::error(int status, std::string_view code, std::string_view message,
                         const nlohmann::json& fields) {
  nlohmann::json shown = fields;
  if (shown.is_object())
    for (auto& value : shown)
      if (value.is_string()) value = util::vietnamese(value.get<std::string>());
  return json(
      status,
      {{"error", {{"code", code}, {"message", util::vietnamese(message)}, {"fields", shown}}}});
}

Response Response::html(int status, std::string body) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", "text/html; charset=utf-8");
  response.body = std::move(body);
  return response;
}

Response Response::text(int status, std::string body) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", "text/plain; charset=utf-8");
  response.body = std::move(body);
  return response;
}

void strip_body_for_head(Response& response) {
  const bool bodiless_status =
      response.status < 200 || response.status == 204 || response.status == 304;
  if (!bodiless_status && !response.headers.has("Content-Length")) {
    response.headers.set("Content-Length", std::to_string(response.body_size()));
  }
  response.body.clear();
  response.shared_body.reset();
}

Response no_store(Response response) {
  response.headers.set("Cache-Control", "no-store");
  return response;
}

Response no_content() {
  Response response;
  response.status = 204;
  return response;
}

HttpError::HttpError(int status, std::string_view code, std::string_view message)
    : HttpError(status, code, message, nlohmann::json::object()) {}

HttpError::HttpError(int status, std::string_view code, std::string_view message,
                     const nlohmann::json& fields)
    : code_(code), response_(Response::error(status, code, message, fields)) {}

}  // namespace cdscb::server::http
