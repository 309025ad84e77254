// Linking the identity that came back from VNeID to a new or an existing account, and unlinking.
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "core/accounts.h"
#include "http/json_body.h"
#include "modules/accounts/login_throttle.h"
#include "modules/accounts/messages.h"
#include "modules/accounts/users.h"
#include "modules/vneid/handlers.h"
#include "modules/vneid/messages.h"
#include "modules/vneid/store.h"
#include "security/crypto.h"

namespace cdscb::server::vneid {
namespace {

using accounts::User;

std::optional<std::string> text_or_null(const nlohmann::json& value) {
  return value.is_string() ? std::optional(value.get<std::string>()) : std::nullopt;
}

// The identity waiting for the request's attempt; otherwise the remembered error or 404.
nlohmann::json require_pending(soci::session& sql, const std::string& hash, long long now) {
  const auto attempt = find_attempt(sql, hash, now);
  if (!attempt) throw http::HttpError(404, "no_pending", messages::kNoPending);
  if (!attempt->identity) {
    throw http::HttpError(attempt->error_code == "vneid_expired" ? 410 : 400, attempt->error_code,
                          attempt->error_message);
  }
  return *attempt->identity;
}

Link link_of(const nlohmann::json& identity, long long user_id, long long now) {
  Link link;
  link.user_id = user_id;
  link.so_dinh_danh = identity.at("so_dinh_danh").get<std::string>();
  link.sub = identity.at("sub").get<std::string>();
  link.issuer = identity.at("issuer").get<std::string>();
  link.assurance_level = text_or_null(identity["assurance_level"]);
  link.ho_va_ten = identity.at("ho_va_ten").get<std::string>();
  link.ngay_sinh = text_or_null(identity["ngay_sinh"]);
  link.gioi_tinh = text_or_null(identity["gioi_tinh"]);
  link.linked_at = now;
  return link;
}

// VNeID's GioiTinh as the profile's gender code.
std::optional<std::string> gender_code(const std::optional<std::string>& gioi_tinh) {
  if (!gioi_tinh) return std::nullopt;
  if (*gioi_tinh == "Nam" || *gioi_tinh == "nam") return "nam";
  if (*gioi_tinh == "Nữ" || *gioi_tinh == "nữ" || *gioi_tinh == "Nu") return "nu";
  return "khac";
}

// Name, birth date and gender as VNeID gives them (shown read-only while linked).
void copy_identity(soci::session& sql, long long user_id, const Link& link) {
  const auto gender = gender_code(link.gioi_tinh);
  std::string birth = link.ngay_sinh.value_or("");
  soci::indicator birth_indicator = link.ngay_sinh ? soci::i_ok : soci::i_null;
  std::string gender_value = gender.value_or("");
  soci::indicator gender_indicator = gender ? soci::i_ok : soci::i_null;
  sql << "UPDATE users SET full_name = :name, birth_date = COALESCE(:birth, birth_date), "
         "gender = COALESCE(:gender, gender) WHERE id = :id",
      soci::use(link.ho_va_ten), soci::use(birth, birth_indicator),
      soci::use(gender_value, gender_indicator), soci::use(user_id);
}

// Links the pending identity to the account (inside the caller's transaction) and ends the
// attempt; 409 when either side is already linked.
void link_identity(soci::session& sql, const nlohmann::json& identity, long long user_id,
                   const std::string& attempt, long long now) {
  const Link link = link_of(identity, user_id, now);
  if (find_link_by_number(sql, link.so_dinh_danh)) {
    throw http::HttpError(409, "vneid_already_linked", messages::kIdentityLinked);
  }
  if (find_link_by_user(sql, user_id)) {
    throw http::HttpError(409, "account_already_linked", messages::kAccountLinked);
  }
  if (!insert_link(sql, link)) {
    throw http::HttpError(409, "vneid_already_linked", messages::kIdentityLinked);
  }
  copy_identity(sql, user_id, link);
  forget_attempt(sql, attempt);
}

http::Response signed_in(const VneidDeps& deps, soci::session& sql, int status, long long user_id,
                         const std::string& session_cookie) {
  const auto user = accounts::find_user_by_id(sql, user_id);
  if (!user) throw std::runtime_error("the account vanished while being linked");
  http::Response response = http::Response::json(status, {{"user", accounts::user_json(*user)}});
  response.headers.add("Set-Cookie", session_cookie);
  response.headers.add("Set-Cookie", expired_attempt_cookie(deps));
  return response;
}

std::optional<std::string> optional_phone(const nlohmann::json& body, http::FieldErrors& errors) {
  const auto input = http::string_field(body, "phone", errors);
  if (!input || input->find_first_not_of(' ') == std::string::npos) return std::nullopt;
  if (const auto error = core::validate_phone(*input)) {
    errors.add("phone", *error);
    return std::nullopt;
  }
  return core::normalize_phone(*input);
}

http::Response link_new(const VneidDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const auto body_phone = optional_phone(body, errors);
  errors.throw_if_any();

  const std::string hash = attempt_hash(request);
  const long long now = now_seconds(deps);
  soci::session sql(deps.database.pool());
  db::Transaction transaction(sql, deps.database.backend());
  const nlohmann::json identity = require_pending(sql, hash, now);
  Link link = link_of(identity, 0, now);
  if (find_link_by_number(sql, link.so_dinh_danh)) {
    throw http::HttpError(409, "vneid_already_linked", messages::kIdentityLinked);
  }
  User user;
  user.full_name = link.ho_va_ten;
  user.created_at = now;
  if (const auto vneid_phone = text_or_null(identity["so_dien_thoai"])) {
    user.phone = *vneid_phone;  // VNeID vouches for it
    user.phone_verified_at = now;
  } else {
    if (body_phone) {
      if (accounts::find_user_by_phone(sql, *body_phone)) {
        throw http::HttpError(409, "phone_taken", messages::kPhoneTaken,
                              {{"phone", messages::kPhoneTaken}});
      }
      link.contact_phone = body_phone;  // unconfirmed: kept with the link, not as a login
    }
    user.phone = std::string(accounts::kNoPhonePrefix) + security::random_token(16);
  }
  const auto id = accounts::insert_user(sql, user);
  if (!id) throw http::HttpError(409, "phone_taken", messages::kPhoneTaken);
  link.user_id = *id;
  if (!insert_link(sql, link)) {
    throw http::HttpError(409, "vneid_already_linked", messages::kIdentityLinked);
  }
  copy_identity(sql, *id, link);
  forget_attempt(sql, hash);
  const std::string session = deps.sessions.start(sql, *id, request);
  transaction.commit();
  return signed_in(deps, sql, 201, *id, session);
}

http::Response link_existing(const VneidDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  std::optional<std::string> phone;
  if (const auto input = http::string_field(body, "phone", errors)) {
    if (const auto error = core::validate_phone(*input)) {
      errors.add("phone", *error);
    } else {
      phone = core::normalize_phone(*input);
    }
  }
  const auto password = http::string_field(body, "password", errors);
  if (password && password->empty()) errors.add("password", core::kPasswordRequired);
  errors.throw_if_any();

  const std::string hash = attempt_hash(request);
  const long long now = now_seconds(deps);
  soci::session sql(deps.database.pool());
  const nlohmann::json identity = require_pending(sql, hash, now);

  // Exactly as the phone login checks the password, with the same throttle and answer.
  const auto user = accounts::find_user_by_phone(sql, *phone);
  if (auto refused = accounts::check_password(
          sql, deps.database.backend(), deps.hasher,
          {.phone = *phone,
           .user = user ? &*user : nullptr,
           .password = *password,
           .address = request.remote_address,
           .now = now},
          {.code = "invalid_credentials", .message = accounts::messages::kWrongCredentials})) {
    return *refused;
  }
  if (!user->verified()) {
    throw http::HttpError(403, "phone_not_verified", messages::kPhoneNotVerified);
  }

  db::Transaction transaction(sql, deps.database.backend());
  link_identity(sql, identity, user->id, hash, now);
  const std::string session = deps.sessions.start(sql, user->id, request);
  transaction.commit();
  return signed_in(deps, sql, 200, user->id, session);
}

// The signed-in user of a request whose body is {"password"} (422 without one).
struct SignedIn {
  User user;
  std::string password;
};

SignedIn signed_in_with_password(const VneidDeps& deps, soci::session& sql,
                                 const http::Request& request) {
  const accounts::AuthUser auth = deps.sessions.require_user(sql, request);
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const auto password = http::string_field(body, "password", errors);
  if (password && password->empty()) errors.add("password", messages::kPasswordRequired);
  errors.throw_if_any();
  auto user = accounts::find_user_by_id(sql, auth.id);
  if (!user) throw http::HttpError(401, "unauthenticated", accounts::messages::kLoginRequired);
  return {std::move(*user), *password};
}

// The user's own password, under the login's throttle: nullopt when right, the 429 answer when
// locked out; 401 with the message by the field when wrong.
std::optional<http::Response> check_own_password(const VneidDeps& deps, soci::session& sql,
                                                 const User& user, const std::string& password,
                                                 const http::Request& request, long long now) {
  return accounts::check_password(
      sql, deps.database.backend(), deps.hasher,
      {.phone = user.phone,
       .user = &user,
       .password = password,
       .address = request.remote_address,
       .now = now},
      {.code = "invalid_password", .message = messages::kWrongPassword, .field = "password"});
}

// The signed-in citizen came back from VNeID ("Liên kết VNeID" in Quản lý tài khoản): the
// identity joins this account once its password is confirmed, so that a borrowed session alone
// cannot add a lasting way into the account.
http::Response link_current(const VneidDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const SignedIn signed_in = signed_in_with_password(deps, sql, request);
  const std::string hash = attempt_hash(request);
  const long long now = now_seconds(deps);
  const nlohmann::json identity = require_pending(sql, hash, now);
  const User& user = signed_in.user;
  if (auto refused = check_own_password(deps, sql, user, signed_in.password, request, now)) {
    return std::move(*refused);
  }

  db::Transaction transaction(sql, deps.database.backend());
  link_identity(sql, identity, user.id, hash, now);
  transaction.commit();
  const auto linked = accounts::find_user_by_id(sql, user.id);
  http::Response response =
      http::Response::json(200, {{"user", accounts::user_json(linked.value_or(user))}});
  response.headers.add("Set-Cookie", expired_attempt_cookie(deps));
  return response;
}

http::Response unlink(const VneidDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const SignedIn signed_in = signed_in_with_password(deps, sql, request);
  const User& user = signed_in.user;
  if (!find_link_by_user(sql, user.id)) {
    throw http::HttpError(404, "not_linked", messages::kNotLinked);
  }
  // Without a password and a confirmed number, VNeID is the only way into the account.
  if (user.password_hash.empty() || !user.verified()) {
    throw http::HttpError(409, "vneid_only_login", messages::kNoOtherWayIn);
  }
  if (auto refused =
          check_own_password(deps, sql, user, signed_in.password, request, now_seconds(deps))) {
    return std::move(*refused);
  }
  delete_link(sql, user.id);
  const auto unlinked = accounts::find_user_by_id(sql, user.id);
  return http::Response::json(200, {{"user", accounts::user_json(unlinked.value_or(user))}});
}

}  // namespace

void register_link_routes(http::Router& router, const VneidDeps& deps) {
  router.post("/api/v1/auth/vneid/link/new",
              [deps](const http::Request& request) { return link_new(deps, request); });
  router.post("/api/v1/auth/vneid/link/existing",
              [deps](const http::Request& request) { return link_existing(deps, request); });
  router.post("/api/v1/auth/vneid/link/current",
              [deps](const http::Request& request) { return link_current(deps, request); });
  router.del("/api/v1/me/vneid",
             [deps](const http::Request& request) { return unlink(deps, request); });
}

}  // namespace cdscb::server::vneid
