// "Quản lý tài khoản": the province's communes, editing my profile, changing my password and my
// active sessions.
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <chrono>

#include "core/accounts.h"
#include "core/communes.h"
#include "core/profile.h"
#include "db/nullable_text.h"
#include "modules/accounts/handlers.h"
#include "modules/accounts/login_throttle.h"
#include "modules/accounts/management.h"
#include "modules/accounts/messages.h"
#include "security/crypto.h"
#include "util/time.h"

namespace cdscb::server::accounts {
namespace {

constexpr std::array<std::string_view, 6> kProfileFields = {"full_name", "birth_date", "gender",
                                                            "commune",   "street",     "email"};

using TextParam = db::NullableText;

// Today in Vietnam (UTC+7), where the citizens' birthdays are.
core::Date vietnam_today(const AccountsDeps& deps) {
  const auto local = deps.sessions.clock()() + std::chrono::hours(7);
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(local)};
  return {static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
          static_cast<int>(static_cast<unsigned>(day.day()))};
}

http::Response communes(const http::Request&) {
  nlohmann::json list = nlohmann::json::array();
  for (const core::Commune& commune : core::communes()) {
    list.push_back({{"code", commune.code}, {"name", commune.name}, {"kind", commune.kind}});
  }
  http::Response response = http::Response::json(200, {{"communes", list}});
  response.headers.set("Cache-Control", "public, max-age=86400");
  return response;
}

User current_user(soci::session& sql, const AccountsDeps& deps, const http::Request& request,
                  AuthUser* auth_out = nullptr) {
  const AuthUser auth = deps.sessions.require_user(sql, request);
  auto user = find_user_by_id(sql, auth.id);
  if (!user) throw http::HttpError(401, "unauthenticated", messages::kLoginRequired);
  if (auth_out) *auth_out = auth;
  return std::move(*user);
}

// Reads an optional profile field: unchanged when absent; "" (or null) clears it, except the
// name, which is required. Returns false when the field is absent.
bool read_field(const nlohmann::json& body, const std::string& key, http::FieldErrors& errors,
                std::optional<std::string>& out) {
  if (!body.contains(key)) return false;
  const auto text = http::string_field(body, key, errors);
  if (!text) return false;
  out = *text;
  return true;
}

http::Response update_profile(const AccountsDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  soci::session sql(deps.database.pool());
  const User user = current_user(sql, deps, request);
  User changed = user;
  http::FieldErrors errors;
  for (const auto& [key, value] : body.items()) {
    if (std::find(kProfileFields.begin(), kProfileFields.end(), key) == kProfileFields.end()) {
      errors.add(key, kFieldNotEditable);
    }
  }
  // Each optional field: validated unless empty, which clears it.
  const auto optional_field = [&](const std::string& key, auto normalize, auto validate,
                                  std::optional<std::string>& target) {
    std::optional<std::string> input;
    if (!read_field(body, key, errors, input)) return;
    const std::string value = normalize(*input);
    if (value.empty()) {
      target.reset();
    } else if (const auto error = validate(value)) {
      errors.add(key, *error);
    } else {
      target = value;
    }
  };
  const auto same = [](std::string_view s) { return std::string(s); };
  std::optional<std::string> name_input;
  if (read_field(body, "full_name", errors, name_input)) {
    if (const auto error = core::validate_full_name(*name_input)) {
      errors.add("full_name", *error);
    } else {
      changed.full_name = core::normalize_full_name(*name_input);
    }
  }
  const core::Date today = vietnam_today(deps);
  optional_field(
      "birth_date", [](std::string_view s) { return core::normalize_street(s); },
      [&](const std::string& v) { return core::validate_birth_date(v, today); },
      changed.birth_date);
  optional_field("gender", same, core::validate_gender, changed.gender);
  optional_field("commune", same, core::validate_commune, changed.commune);
  optional_field("street", core::normalize_street, core::validate_street, changed.street);
  optional_field("email", core::normalize_email, core::validate_email, changed.email);

  if (identity_locked(user)) {
    if (changed.full_name != user.full_name) errors.add("full_name", kIdentityLocked);
    if (changed.birth_date != user.birth_date) errors.add("birth_date", kIdentityLocked);
    if (changed.gender != user.gender) errors.add("gender", kIdentityLocked);
  }
  errors.throw_if_any();

  TextParam birth_date(changed.birth_date), gender(changed.gender), commune(changed.commune),
      street(changed.street), email(changed.email);
  sql << "UPDATE users SET full_name = :full_name, birth_date = :birth_date, gender = :gender, "
         "commune = :commune, street = :street, email = :email WHERE id = :id",
      soci::use(changed.full_name), soci::use(birth_date.value, birth_date.indicator),
      soci::use(gender.value, gender.indicator), soci::use(commune.value, commune.indicator),
      soci::use(street.value, street.indicator), soci::use(email.value, email.indicator),
      soci::use(user.id);
  const auto stored = find_user_by_id(sql, user.id);
  return http::Response::json(200, {{"user", user_json(*stored)}});
}

http::Response change_password(const AccountsDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  soci::session sql(deps.database.pool());
  AuthUser auth;
  const User user = current_user(sql, deps, request, &auth);
  http::FieldErrors errors;
  const auto current = http::string_field(body, "current_password", errors);
  if (current && current->empty()) errors.add("current_password", core::kPasswordRequired);
  const auto fresh = http::string_field(body, "new_password", errors);
  if (fresh) {
    if (const auto error = core::validate_password(*fresh, user.phone)) {
      errors.add("new_password", *error);
    }
  }
  errors.throw_if_any();

  const long long now = now_seconds(deps);
  if (auto refused = check_password(sql, deps.database.backend(), deps.hasher,
                                    {.phone = user.phone,
                                     .user = &user,
                                     .password = *current,
                                     .address = request.remote_address,
                                     .now = now},
                                    {.code = "invalid_password",
                                     .message = kWrongCurrentPassword,
                                     .field = "current_password"})) {
    return *refused;
  }
  const std::string hash = deps.hasher.hash(*fresh);
  {
    db::Transaction transaction(sql, deps.database.backend());
    set_password_hash(sql, user.id, hash);
    sql << "DELETE FROM sessions WHERE user_id = :user_id AND id <> :session_id",
        soci::use(user.id), soci::use(auth.session_id);
    transaction.commit();
  }
  http::Response response;
  response.status = 204;
  return response;
}

struct SessionRow {
  long long id = 0;
  std::string token_hash;
  long long created_at = 0;
  long long last_seen_at = 0;
  std::optional<std::string> user_agent;
  std::optional<std::string> ip;
};

std::vector<SessionRow> sessions_of(soci::session& sql, long long user_id) {
  std::vector<SessionRow> rows;
  SessionRow row;
  std::string user_agent, ip;
  soci::indicator agent_indicator = soci::i_null, ip_indicator = soci::i_null;
  soci::statement statement =
      (sql.prepare << "SELECT id, token_hash, created_at, last_seen_at, user_agent, ip "
                      "FROM sessions WHERE user_id = :user_id ORDER BY last_seen_at DESC, id DESC",
       soci::use(user_id), soci::into(row.id), soci::into(row.token_hash),
       soci::into(row.created_at), soci::into(row.last_seen_at),
       soci::into(user_agent, agent_indicator), soci::into(ip, ip_indicator));
  statement.execute();
  while (statement.fetch()) {
    row.user_agent = agent_indicator == soci::i_ok ? std::optional(user_agent) : std::nullopt;
    row.ip = ip_indicator == soci::i_ok ? std::optional(ip) : std::nullopt;
    rows.push_back(row);
  }
  return rows;
}

http::Response list_sessions(const AccountsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const AuthUser auth = deps.sessions.require_user(sql, request);
  const long long idle_since = now_seconds(deps) - kSessionIdleSeconds;
  nlohmann::json list = nlohmann::json::array();
  for (const SessionRow& row : sessions_of(sql, auth.id)) {
    if (row.last_seen_at < idle_since) continue;  // over, awaiting housekeeping
    list.push_back({{"id", public_session_id(row.token_hash)},
                    {"created_at", rfc3339(row.created_at)},
                    {"last_seen_at", rfc3339(row.last_seen_at)},
                    {"user_agent", row.user_agent ? nlohmann::json(*row.user_agent) : nullptr},
                    {"ip", row.ip ? nlohmann::json(*row.ip) : nullptr},
                    {"current", row.id == auth.session_id}});
  }
  http::Response response = http::Response::json(200, {{"sessions", list}});
  response.headers.set("Cache-Control", "no-store");
  return response;
}

http::Response end_session(const AccountsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const AuthUser auth = deps.sessions.require_user(sql, request);
  const std::string wanted(request.param("id").value_or(""));
  for (const SessionRow& row : sessions_of(sql, auth.id)) {
    if (!security::constant_time_equals(public_session_id(row.token_hash), wanted)) continue;
    sql << "DELETE FROM sessions WHERE id = :id AND user_id = :user_id", soci::use(row.id),
        soci::use(auth.id);
    http::Response response;
    response.status = 204;
    if (row.id == auth.session_id) {
      response.headers.add("Set-Cookie", deps.sessions.expired_cookie());
    }
    return response;
  }
  throw http::HttpError(404, "not_found", kSessionNotFound);
}

}  // namespace

bool identity_locked(const User& user) {
  // A VNeID-linked account's name, birth date and gender are the national identity's.
  return user.vneid_verified();
}

std::string public_session_id(std::string_view token_hash) {
  return security::sha256_hex("cdscb-session-id:" + std::string(token_hash)).substr(0, 32);
}

std::string rfc3339(long long unix_seconds) {
  return util::rfc3339_utc(
      std::chrono::system_clock::time_point(std::chrono::seconds(unix_seconds)));
}

void register_profile_routes(http::Router& router, const AccountsDeps& deps) {
  router.get("/api/v1/communes", communes);
  router.patch("/api/v1/me",
               [deps](const http::Request& request) { return update_profile(deps, request); });
  router.put("/api/v1/me/password",
             [deps](const http::Request& request) { return change_password(deps, request); });
  router.get("/api/v1/me/sessions",
             [deps](const http::Request& request) { return list_sessions(deps, request); });
  router.del("/api/v1/me/sessions/{id}",
             [deps](const http::Request& request) { return end_session(deps, request); });
}

}  // namespace cdscb::server::accounts
