// Registration: create an unconfirmed account and text a code; confirm the number with the code
// (which signs in); send the code again.
#include <soci/soci.h>

#include "core/accounts.h"
#include "modules/accounts/code_delivery.h"
#include "modules/accounts/handlers.h"
#include "modules/accounts/messages.h"
#include "modules/accounts/users.h"

namespace cdscb::server::accounts {
namespace {

http::HttpError phone_taken() {
  return http::HttpError(409, "phone_taken", messages::kPhoneTaken,
                         {{"phone", messages::kPhoneTaken}});
}

nlohmann::json code_sent_body(const std::string& phone) {
  return {{"phone", phone},
          {"phone_masked", core::mask_phone(phone)},
          {"expires_in", kCodeLifetime},
          {"resend_in", kResendInterval}};
}

http::Response register_account(const AccountsDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const auto full_name = http::string_field(body, "full_name", errors);
  if (full_name) {
    if (const auto error = core::validate_full_name(*full_name)) errors.add("full_name", *error);
  }
  const auto phone = phone_field(body, errors);
  const auto password = http::string_field(body, "password", errors);
  if (password) {
    if (const auto error = core::validate_password(*password, phone.value_or(""))) {
      errors.add("password", *error);
    }
  }
  errors.throw_if_any();

  User user;
  user.phone = *phone;
  user.full_name = core::normalize_full_name(*full_name);
  user.password_hash = deps.hasher.hash(*password);  // before the transaction: it takes ~50 ms
  const long long now = now_seconds(deps);
  user.created_at = now;

  require_sms_gateway(deps);
  soci::session sql(deps.database.pool());
  {
    db::Transaction transaction(sql, deps.database.backend());
    const auto existing = find_user_by_phone(sql, user.phone);
    if (existing && existing->verified()) throw phone_taken();
    // Registering again replaces the name and password only together with a new code, so a
    // code already sent cannot confirm someone else's password.
    if (const auto wait = send_wait(sql, user.phone, request.remote_address, now); wait.seconds) {
      return resend_too_soon(wait);
    }
    if (existing) {
      update_pending_user(sql, existing->id, user.full_name, user.password_hash);
    } else if (!insert_user(sql, user)) {
      throw phone_taken();  // registered by a parallel request a moment ago
    }
    record_send(sql, user.phone, request.remote_address, now);
    const std::string code = store_new_code(sql, user.phone, CodePurpose::kRegister, now);
    queue_code(deps.jobs, sql, user.phone, CodePurpose::kRegister, code, now);
    transaction.commit();
  }
  return http::Response::json(201, code_sent_body(user.phone));
}

http::Response verify_phone(const AccountsDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const auto phone = phone_field(body, errors);
  const auto code = code_field(body, errors);
  errors.throw_if_any();

  const long long now = now_seconds(deps);
  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  const CodeCheck check = check_code(sql, *phone, CodePurpose::kRegister, *code, now);
  auto user = find_user_by_phone(sql, *phone);
  if (check.status != CodeStatus::kOk || !user) {
    transaction.commit();  // keep the try that was used up
    return code_error(check.status == CodeStatus::kOk ? CodeCheck{} : check);
  }
  mark_phone_verified(sql, user->id, now);
  if (!user->phone_verified_at) user->phone_verified_at = now;
  const std::string cookie = deps.sessions.start(sql, user->id, request);
  transaction.commit();

  http::Response response = http::Response::json(200, {{"user", user_json(*user)}});
  response.headers.add("Set-Cookie", cookie);
  return response;
}

http::Response resend_code(const AccountsDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const auto phone = phone_field(body, errors);
  const auto purpose_text = http::string_field(body, "purpose", errors);
  std::optional<CodePurpose> purpose;
  if (purpose_text) {
    purpose = parse_purpose(*purpose_text);
    if (!purpose) errors.add("purpose", messages::kPurposeInvalid);
  }
  errors.throw_if_any();

  const long long now = now_seconds(deps);
  if (*purpose == CodePurpose::kRegister) require_sms_gateway(deps);
  soci::session sql(deps.database.pool());
  {
    db::Transaction transaction(sql, deps.database.backend());
    const auto user = find_user_by_phone(sql, *phone);
    if (*purpose == CodePurpose::kRegister) {
      if (!user) {
        throw http::HttpError(422, "validation_failed", messages::kNoPendingRegistration,
                              {{"phone", messages::kNoPendingRegistration}});
      }
      if (user->verified()) {
        throw http::HttpError(409, "already_verified", messages::kAlreadyVerified);
      }
    }
    // For a reset, numbers without an account are throttled alike: the answer tells nothing.
    if (const auto wait = send_wait(sql, *phone, request.remote_address, now); wait.seconds) {
      return resend_too_soon(wait);
    }
    record_send(sql, *phone, request.remote_address, now);
    if (user && (*purpose == CodePurpose::kRegister || user->verified())) {
      const std::string code = store_new_code(sql, *phone, *purpose, now);
      queue_code(deps.jobs, sql, *phone, *purpose, code, now);
    }
    transaction.commit();
  }
  return http::Response::json(202, code_sent_body(*phone));
}

}  // namespace

void register_registration_routes(http::Router& router, const AccountsDeps& deps) {
  router.post("/api/v1/accounts/register",
              [deps](const http::Request& request) { return register_account(deps, request); });
  router.post("/api/v1/accounts/verify",
              [deps](const http::Request& request) { return verify_phone(deps, request); });
  router.post("/api/v1/accounts/resend",
              [deps](const http::Request& request) { return resend_code(deps, request); });
}

}  // namespace cdscb::server::accounts
