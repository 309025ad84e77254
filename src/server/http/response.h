// The server's own response type and the helpers handlers build responses with.
#pragma once

#include <exception>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "http/headers.h"

namespace cdscb::server::http {

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // Bytes owned elsewhere and shared between responses (static files); used instead of `body`
  // when set, so a large asset is never copied per request.
  std::shared_ptr<const std::string> shared_body;

  std::string_view body_view() const { return shared_body ? *shared_body : body; }
  std::size_t body_size() const { return body_view().size(); }

  // `value` serialised, Content-Type application/json; charset=utf-8.
  static Response json(int status, const nlohmann::json& value);
  // {"error":{"code":code,"message":message,"fields":fields}} as ARCHITECTURE's Contracts say;
  // `message` is Vietnamese, fit to show a citizen; `fields` maps field names to messages.
  static Response error(int status, std::string_view code, std::string_view message);
  static Response error(int status, std::string_view code, std::string_view message,
                        const nlohmann::json& fields);
  static Response html(int status, std::string body);
  static Response text(int status, std::string body);
};

// What a HEAD request gets: the same headers with Content-Length of the body it would have had,
// and no body.
void strip_body_for_head(Response& response);

// `response` with Cache-Control: no-store: an answer about a person (their data, an admin's
// view) that no browser or proxy may keep.
Response no_store(Response response);
// 204 without a body.
Response no_content();

// Thrown by handlers (or code they call) to answer with a specific error response; the router
// turns it into that response instead of a 500.
class HttpError : public std::exception {
 public:
  HttpError(int status, std::string_view code, std::string_view message);
  HttpError(int status, std::string_view code, std::string_view message,
            const nlohmann::json& fields);
  const char* what() const noexcept override { return code_.c_str(); }
  const Response& response() const { return response_; }

 private:
  std::string code_;
  Response response_;
};

}  // namespace cdscb::server::http
