// Personal-data rights: download everything stored about me, and delete my account. Feedback and
// other modules join through AccountsDeps::personal_data (modules/accounts/personal_data.h).
#include <soci/soci.h>

#include "core/accounts.h"
#include "db/idempotency.h"
#include "jobs/jobs.h"
#include "modules/accounts/handlers.h"
#include "modules/accounts/login_throttle.h"
#include "modules/accounts/management.h"
#include "modules/accounts/messages.h"

namespace cdscb::server::accounts {
namespace {

constexpr std::string_view kExportFormat = "cdscb-personal-data/1";

nlohmann::json account_section(const User& user) {
  nlohmann::json account = user_json(user);
  account["created_at"] = rfc3339(user.created_at);
  account["phone_verified_at"] = user.phone_verified_at
                                     ? nlohmann::json(rfc3339(*user.phone_verified_at))
                                     : nlohmann::json(nullptr);
  return account;
}

nlohmann::json sessions_section(soci::session& sql, long long user_id) {
  nlohmann::json list = nlohmann::json::array();
  std::string token_hash, user_agent, ip;
  long long created_at = 0, last_seen_at = 0;
  soci::indicator agent_indicator = soci::i_null, ip_indicator = soci::i_null;
  soci::statement statement =
      (sql.prepare << "SELECT token_hash, created_at, last_seen_at, user_agent, ip FROM sessions "
                      "WHERE user_id = :user_id ORDER BY created_at, id",
       soci::use(user_id), soci::into(token_hash), soci::into(created_at), soci::into(last_seen_at),
       soci::into(user_agent, agent_indicator), soci::into(ip, ip_indicator));
  statement.execute();
  while (statement.fetch()) {
    list.push_back(
        {{"id", public_session_id(token_hash)},
         {"created_at", rfc3339(created_at)},
         {"last_seen_at", rfc3339(last_seen_at)},
         {"user_agent", agent_indicator == soci::i_ok ? nlohmann::json(user_agent) : nullptr},
         {"ip", ip_indicator == soci::i_ok ? nlohmann::json(ip) : nullptr}});
  }
  return list;
}

// Rows kept by phone number rather than user id: codes (without their hash), sends and failed
// logins.
nlohmann::json phone_rows_section(soci::session& sql, const std::string& phone) {
  nlohmann::json codes = nlohmann::json::array();
  {
    std::string purpose;
    long long expires_at = 0, last_sent_at = 0;
    int attempts = 0;
    soci::statement statement =
        (sql.prepare << "SELECT purpose, expires_at, attempts, last_sent_at FROM "
                        "verification_codes WHERE phone = :phone ORDER BY purpose",
         soci::use(phone), soci::into(purpose), soci::into(expires_at), soci::into(attempts),
         soci::into(last_sent_at));
    statement.execute();
    while (statement.fetch()) {
      codes.push_back({{"purpose", purpose},
                       {"expires_at", rfc3339(expires_at)},
                       {"attempts", attempts},
                       {"last_sent_at", rfc3339(last_sent_at)}});
    }
  }
  nlohmann::json sends = nlohmann::json::array();
  {
    long long sent_at = 0;
    soci::statement statement = (sql.prepare << "SELECT sent_at FROM verification_sends WHERE "
                                                "phone = :phone ORDER BY sent_at, id",
                                 soci::use(phone), soci::into(sent_at));
    statement.execute();
    while (statement.fetch()) sends.push_back(rfc3339(sent_at));
  }
  nlohmann::json failures = nlohmann::json::array();
  {
    std::string ip;
    long long failed_at = 0;
    soci::statement statement =
        (sql.prepare << "SELECT ip, failed_at FROM login_failures WHERE phone = :phone "
                        "ORDER BY failed_at, id",
         soci::use(phone), soci::into(ip), soci::into(failed_at));
    statement.execute();
    while (statement.fetch()) failures.push_back({{"ip", ip}, {"failed_at", rfc3339(failed_at)}});
  }
  return {{"verification_codes", codes},
          {"verification_code_sends", sends},
          {"failed_logins", failures}};
}

http::Response export_data(const AccountsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const AuthUser auth = deps.sessions.require_user(sql, request);
  const auto user = find_user_by_id(sql, auth.id);
  if (!user) throw http::HttpError(401, "unauthenticated", messages::kLoginRequired);
  nlohmann::json out = {
      {"format", kExportFormat},
      {"exported_at", rfc3339(now_seconds(deps))},
      {"account", account_section(*user)},
      {"sessions", sessions_section(sql, user->id)},
      {"phone_verification", phone_rows_section(sql, user->phone)},
  };
  for (const PersonalDataSection& section : deps.personal_data) {
    if (section.collect) out[section.name] = section.collect(sql, user->id);
  }
  http::Response response = http::Response::json(200, out);
  response.headers.set("Content-Disposition", "attachment; filename=\"du-lieu-ca-nhan.json\"");
  response.headers.set("Cache-Control", "no-store");
  return response;
}

// Erases what the accounts module keeps about `user` and leaves the row anonymised.
void anonymise(soci::session& sql, const AccountsDeps& deps, const User& user, long long now) {
  for (const PersonalDataSection& section : deps.personal_data) {
    if (section.erase) section.erase(sql, user.id);
  }
  sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(user.id);
  sql << "DELETE FROM verification_codes WHERE phone = :phone", soci::use(user.phone);
  sql << "DELETE FROM verification_sends WHERE phone = :phone", soci::use(user.phone);
  sql << "DELETE FROM login_failures WHERE phone = :phone", soci::use(user.phone);
  db::forget_idempotency_keys(sql, user.id);
  // Queued or dead text messages to the phone (their payload holds it and the code), and any
  // other job about this account (jobs/jobs.h forget()).
  jobs::forget(sql, "phone", user.phone);
  jobs::forget(sql, "user_id", user.id);
  const std::string placeholder = "deleted:" + std::to_string(user.id);
  sql << "UPDATE users SET phone = :placeholder, full_name = '', password_hash = '', "
         "role = 'citizen', agency = NULL, phone_verified_at = NULL, birth_date = NULL, "
         "gender = NULL, commune = NULL, street = NULL, email = NULL, deleted_at = :now "
         "WHERE id = :id",
      soci::use(placeholder), soci::use(now), soci::use(user.id);
}

http::Response delete_account(const AccountsDeps& deps, const http::Request& request) {
  const nlohmann::json body = http::parse_json_object(request);
  soci::session sql(deps.database.pool());
  const AuthUser auth = deps.sessions.require_user(sql, request);
  const auto user = find_user_by_id(sql, auth.id);
  if (!user) throw http::HttpError(401, "unauthenticated", messages::kLoginRequired);
  http::FieldErrors errors;
  const auto password = http::string_field(body, "password", errors);
  if (password && password->empty()) errors.add("password", core::kPasswordRequired);
  errors.throw_if_any();

  const long long now = now_seconds(deps);
  if (auto refused = check_password(
          sql, deps.database.backend(), deps.hasher,
          {.phone = user->phone,
           .user = &*user,
           .password = *password,
           .address = request.remote_address,
           .now = now},
          {.code = "invalid_password", .message = kWrongPassword, .field = "password"})) {
    return *refused;
  }
  {
    db::Transaction transaction(sql, deps.database.backend());
    anonymise(sql, deps, *user, now);
    transaction.commit();
  }
  return deps.sessions.signed_out_response();
}

}  // namespace

void register_data_rights_routes(http::Router& router, const AccountsDeps& deps) {
  router.get("/api/v1/me/export",
             [deps](const http::Request& request) { return export_data(deps, request); });
  router.del("/api/v1/me",
             [deps](const http::Request& request) { return delete_account(deps, request); });
}

}  // namespace cdscb::server::accounts
