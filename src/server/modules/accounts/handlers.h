// Shared by the accounts module's route files; not for other modules.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "http/json_body.h"
#include "http/response.h"
#include "modules/accounts/codes.h"
#include "modules/accounts/routes.h"

namespace cdscb::server::accounts {

void register_registration_routes(http::Router& router, const AccountsDeps& deps);
void register_session_routes(http::Router& router, const AccountsDeps& deps);
void register_password_reset_routes(http::Router& router, const AccountsDeps& deps);

long long now_seconds(const AccountsDeps& deps);

// The error shape of http::Response::error with `extra` members beside "error", e.g.
// {"retry_after": 42}.
http::Response error_with(int status, std::string_view code, std::string_view message,
                          const nlohmann::json& fields, const nlohmann::json& extra);

// 429 "too_many_requests" with `message`, "retry_after" and a Retry-After header.
http::Response too_many_requests(std::string_view message, long long retry_after);
// 429 for a code asked again too soon, by the number's limit or the address's.
http::Response resend_too_soon(const SendWait& wait);

// The 422 answer for a code check that failed (never call it with kOk).
http::Response code_error(const CodeCheck& check);

// The normalised number from body["phone"], or a field error.
std::optional<std::string> phone_field(const nlohmann::json& body, http::FieldErrors& errors);
// The 6 digits from body["code"], or a field error.
std::optional<std::string> code_field(const nlohmann::json& body, http::FieldErrors& errors);

// 503 "sms_unavailable" when no SMS gateway is set up, for requests whose whole point is a code.
void require_sms_gateway(const AccountsDeps& deps);

}  // namespace cdscb::server::accounts
