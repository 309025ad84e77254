#include "modules/accounts/routes.h"

#include <soci/soci.h>

#include "core/accounts.h"
#include "modules/accounts/code_delivery.h"
#include "modules/accounts/handlers.h"
#include "modules/accounts/management.h"
#include "modules/accounts/messages.h"

namespace cdscb::server {

void register_accounts_routes(http::Router& router, const AccountsDeps& deps) {
  accounts::register_code_delivery(deps.jobs, deps.sms);
  accounts::register_registration_routes(router, deps);
  accounts::register_session_routes(router, deps);
  accounts::register_password_reset_routes(router, deps);
  accounts::register_profile_routes(router, deps);
  accounts::register_data_rights_routes(router, deps);
  accounts::register_admin_routes(router, deps);
}

}  // namespace cdscb::server

namespace cdscb::server::accounts {

long long now_seconds(const AccountsDeps& deps) { return unix_seconds(deps.sessions.clock()()); }

http::Response error_with(int status, std::string_view code, std::string_view message,
                          const nlohmann::json& fields, const nlohmann::json& extra) {
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}, {"fields", fields}}}};
  body.update(extra);
  return http::Response::json(status, body);
}

http::Response too_many_requests(std::string_view message, long long retry_after) {
  return rate_limited("too_many_requests", message, retry_after);
}

http::Response resend_too_soon(const SendWait& wait) {
  if (wait.by_address) {
    return too_many_requests(std::string(messages::kAddressSendsPrefix) +
                                 std::to_string((wait.seconds + 59) / 60) +
                                 std::string(messages::kMinutesSuffix),
                             wait.seconds);
  }
  return too_many_requests(std::string(messages::kResendPrefix) + std::to_string(wait.seconds) +
                               std::string(messages::kResendSuffix),
                           wait.seconds);
}

http::Response code_error(const CodeCheck& check) {
  const auto fail = [](std::string_view code, std::string_view message,
                       nlohmann::json extra = nlohmann::json::object()) {
    return error_with(422, code, message, {{"code", message}}, extra);
  };
  switch (check.status) {
    case CodeStatus::kWrong: {
      const std::string message = std::string(messages::kCodeWrongPrefix) +
                                  std::to_string(check.tries_left) +
                                  std::string(messages::kTriesLeftSuffix);
      return fail("code_invalid", message, {{"remaining_attempts", check.tries_left}});
    }
    case CodeStatus::kExhausted:
      return fail("code_attempts_exceeded", messages::kCodeExhausted, {{"remaining_attempts", 0}});
    case CodeStatus::kExpired:
      return fail("code_expired", messages::kCodeExpired);
    case CodeStatus::kOk:
    case CodeStatus::kMissing:
      break;
  }
  return fail("code_invalid", messages::kCodeInvalidOrGone);
}

std::optional<std::string> phone_field(const nlohmann::json& body, http::FieldErrors& errors) {
  const auto input = http::string_field(body, "phone", errors);
  if (!input) return std::nullopt;
  if (const auto error = core::validate_phone(*input)) {
    errors.add("phone", *error);
    return std::nullopt;
  }
  return core::normalize_phone(*input);
}

std::optional<std::string> code_field(const nlohmann::json& body, http::FieldErrors& errors) {
  const auto input = http::string_field(body, "code", errors);
  if (!input) return std::nullopt;
  if (input->find_first_not_of(' ') == std::string::npos) {
    errors.add("code", messages::kCodeRequired);
    return std::nullopt;
  }
  auto code = normalize_code(*input);
  if (!code) errors.add("code", messages::kCodeFormat);
  return code;
}

void require_sms_gateway(const AccountsDeps& deps) {
  if (!deps.sms.configured()) {
    throw http::HttpError(503, "sms_unavailable", messages::kSmsUnavailable);
  }
}

}  // namespace cdscb::server::accounts
