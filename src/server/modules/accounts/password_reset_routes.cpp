// Forgotten password: a code texted to the number, then a new password with that code.
#include <soci/soci.h>

#include "core/accounts.h"
#include "modules/accounts/code_delivery.h"
#include "modules/accounts/handlers.h"
#include "modules/accounts/login_throttle.h"
#include "modules/accounts/messages.h"
#include "modules/accounts/users.h"

namespace cdscb::server::accounts {
namespace {

// 202 whether or not the number has an account (the text only goes to a confirmed account);
// 429 with retry_after within the throttle, which counts numbers without an account alike.
http::Response request_reset(const AccountsDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const auto phone = phone_field(body, errors);
  errors.throw_if_any();

  const long long now = now_seconds(deps);
  soci::session sql(deps.database.pool());
  {
    db::Transaction transaction(sql, deps.database.backend());
    if (const auto wait = send_wait(sql, *phone, request.remote_address, now); wait.seconds) {
      return resend_too_soon(wait);
    }
    record_send(sql, *phone, request.remote_address, now);
    const auto user = find_user_by_phone(sql, *phone);
    if (user && user->verified()) {
      const std::string code = store_new_code(sql, *phone, CodePurpose::kReset, now);
      queue_code(deps.jobs, sql, *phone, CodePurpose::kReset, code, now);
    }
    transaction.commit();
  }
  return http::Response::json(202, {{"phone", *phone},
                                    {"phone_masked", core::mask_phone(*phone)},
                                    {"expires_in", kCodeLifetime},
                                    {"resend_in", kResendInterval}});
}

http::Response confirm_reset(const AccountsDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const auto phone = phone_field(body, errors);
  const auto code = code_field(body, errors);
  const auto password = http::string_field(body, "new_password", errors);
  if (password) {
    if (const auto error = core::validate_password(*password, phone.value_or(""))) {
      errors.add("new_password", *error);
    }
  }
  errors.throw_if_any();

  const std::string password_hash = deps.hasher.hash(*password);
  const long long now = now_seconds(deps);
  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  const CodeCheck check = check_code(sql, *phone, CodePurpose::kReset, *code, now);
  const auto user = find_user_by_phone(sql, *phone);
  if (check.status != CodeStatus::kOk || !user) {
    transaction.commit();  // keep the try that was used up
    return code_error(check.status == CodeStatus::kOk ? CodeCheck{} : check);
  }
  set_password_hash(sql, user->id, password_hash);
  deps.sessions.end_all(sql, user->id);
  clear_login_failures(sql, *phone);
  transaction.commit();

  return deps.sessions.signed_out_response();
}

}  // namespace

void register_password_reset_routes(http::Router& router, const AccountsDeps& deps) {
  router.post("/api/v1/password-resets",
              [deps](const http::Request& request) { return request_reset(deps, request); });
  router.post("/api/v1/password-resets/confirm",
              [deps](const http::Request& request) { return confirm_reset(deps, request); });
}

}  // namespace cdscb::server::accounts
