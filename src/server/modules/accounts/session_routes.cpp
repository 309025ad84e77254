// Signing in with number and password, signing out (here or everywhere) and who am I.
#include <soci/soci.h>

#include "core/accounts.h"
#include "modules/accounts/code_delivery.h"
#include "modules/accounts/handlers.h"
#include "modules/accounts/login_throttle.h"
#include "modules/accounts/messages.h"
#include "modules/accounts/users.h"

namespace cdscb::server::accounts {
namespace {

// The password was right but the number is not confirmed: send a fresh code when the throttle
// allows, and say so.
http::Response not_verified(const AccountsDeps& deps, soci::session& sql, const User& user,
                            const std::string& address, long long now) {
  bool sent = false;
  long long wait = 0;
  {
    db::Transaction transaction(sql, deps.database.backend());
    wait = send_wait(sql, user.phone, address, now).seconds;
    if (wait == 0 && deps.sms.configured()) {
      record_send(sql, user.phone, address, now);
      const std::string code = store_new_code(sql, user.phone, CodePurpose::kRegister, now);
      queue_code(deps.jobs, sql, user.phone, CodePurpose::kRegister, code, now);
      sent = true;  // queued: the job texts it, and forgets the send if it cannot
    }
    transaction.commit();
  }
  return error_with(403, "phone_not_verified",
                    sent ? messages::kNotVerifiedCodeSent : messages::kNotVerifiedEnterCode,
                    nlohmann::json::object(),
                    {{"phone", user.phone},
                     {"phone_masked", core::mask_phone(user.phone)},
                     {"code_sent", sent},
                     {"resend_in", sent ? kResendInterval : wait}});
}

http::Response sign_in(const AccountsDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const auto phone = phone_field(body, errors);
  const auto password = http::string_field(body, "password", errors);
  if (password && password->empty()) errors.add("password", core::kPasswordRequired);
  errors.throw_if_any();

  const long long now = now_seconds(deps);
  soci::session sql(deps.database.pool());
  auto user = find_user_by_phone(sql, *phone);
  if (auto refused =
          check_password(sql, deps.database.backend(), deps.hasher,
                         {.phone = *phone,
                          .user = user ? &*user : nullptr,
                          .password = *password,
                          .address = request.remote_address,
                          .now = now},
                         {.code = "invalid_credentials", .message = messages::kWrongCredentials})) {
    return *refused;
  }
  if (!user->verified()) return not_verified(deps, sql, *user, request.remote_address, now);
  if (deps.hasher.needs_rehash(user->password_hash)) {
    set_password_hash(sql, user->id, deps.hasher.hash(*password));
  }
  const std::string cookie = deps.sessions.start(sql, user->id, request);
  http::Response response = http::Response::json(200, {{"user", user_json(*user)}});
  response.headers.add("Set-Cookie", cookie);
  return response;
}

http::Response me(const AccountsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const AuthUser auth = deps.sessions.require_user(sql, request);
  const auto user = find_user_by_id(sql, auth.id);
  if (!user) throw http::HttpError(401, "unauthenticated", messages::kLoginRequired);
  http::Response response = http::Response::json(200, {{"user", user_json(*user)}});
  if (const auto cookie = deps.sessions.refresh_cookie(request)) {
    response.headers.add("Set-Cookie", *cookie);
  }
  return response;
}

http::Response signed_out(const AccountsDeps& deps) { return deps.sessions.signed_out_response(); }

http::Response sign_out(const AccountsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  deps.sessions.end_current(sql, request);
  return signed_out(deps);
}

http::Response sign_out_everywhere(const AccountsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const AuthUser auth = deps.sessions.require_user(sql, request);
  deps.sessions.end_all(sql, auth.id);
  return signed_out(deps);
}

}  // namespace

void register_session_routes(http::Router& router, const AccountsDeps& deps) {
  router.post("/api/v1/sessions",
              [deps](const http::Request& request) { return sign_in(deps, request); });
  router.del("/api/v1/sessions/current",
             [deps](const http::Request& request) { return sign_out(deps, request); });
  router.del("/api/v1/sessions",
             [deps](const http::Request& request) { return sign_out_everywhere(deps, request); });
  router.get("/api/v1/me", [deps](const http::Request& request) { return me(deps, request); });
}

}  // namespace cdscb::server::accounts
