#include "modules/accounts/sessions.h"

#include <soci/soci.h>

#include <algorithm>

#include "http/cookies.h"
#include "http/response.h"
#include "modules/accounts/messages.h"
#include "security/crypto.h"

namespace cdscb::server::accounts {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenLength = 43;  // base64url of 32 bytes, unpadded
constexpr std::size_t kMaxUserAgent = 255;

bool looks_like_token(std::string_view token) {
  return token.size() == kTokenLength && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
         });
}

// Printable ASCII only and bounded: the header is the client's to fill with anything.
std::string clean_user_agent(std::string_view agent) {
  std::string out;
  for (const char c : agent.substr(0, kMaxUserAgent)) out += (c >= 0x20 && c < 0x7F) ? c : '?';
  return out;
}

std::optional<std::string> request_token(const http::Request& request) {
  auto token = http::cookie_value(request, kSessionCookie);
  if (!token || !looks_like_token(*token)) return std::nullopt;
  return token;
}

}  // namespace

long long unix_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

Sessions::Sessions(db::Database& database, SessionOptions options)
    : database_(database), options_(std::move(options)) {
  security::init_sodium();
}

std::optional<AuthUser> Sessions::authenticate(const http::Request& request) const {
  if (!request_token(request)) return std::nullopt;  // no database work for anonymous requests
  soci::session sql(database_.pool());
  return authenticate(sql, request);
}

std::optional<AuthUser> Sessions::authenticate(soci::session& sql,
                                               const http::Request& request) const {
  const auto token = request_token(request);
  if (!token) return std::nullopt;
  const std::string token_hash = security::sha256_hex(*token);
  AuthUser user;
  long long last_seen = 0;
  std::string agency, role;
  soci::indicator agency_indicator = soci::i_null;
  soci::statement statement =
      (sql.prepare << "SELECT s.id, s.last_seen_at, u.id, u.full_name, u.phone, u.role, u.agency "
                      "FROM sessions s JOIN users u ON u.id = s.user_id "
                      "WHERE s.token_hash = :token_hash",
       soci::use(token_hash), soci::into(user.session_id), soci::into(last_seen),
       soci::into(user.id), soci::into(user.full_name), soci::into(user.phone), soci::into(role),
       soci::into(agency, agency_indicator));
  statement.execute(true);
  if (!statement.got_data()) return std::nullopt;
  if (agency_indicator == soci::i_ok) user.agency = agency;
  user.role = core::role_or_citizen(role);

  const long long now = unix_seconds(options_.now());
  if (now - last_seen > kSessionIdleSeconds) {
    sql << "DELETE FROM sessions WHERE id = :id", soci::use(user.session_id);
    return std::nullopt;
  }
  if (now - last_seen >= kLastSeenResolution) {
    sql << "UPDATE sessions SET last_seen_at = :now WHERE id = :id", soci::use(now),
        soci::use(user.session_id);
  }
  return user;
}

AuthUser Sessions::require_user(const http::Request& request) const {
  auto user = authenticate(request);
  if (!user) throw http::HttpError(401, "unauthenticated", messages::kLoginRequired);
  return std::move(*user);
}

AuthUser Sessions::require_user(soci::session& sql, const http::Request& request) const {
  auto user = authenticate(sql, request);
  if (!user) throw http::HttpError(401, "unauthenticated", messages::kLoginRequired);
  return std::move(*user);
}

std::string Sessions::start(soci::session& sql, long long user_id,
                            const http::Request& request) const {
  const std::string token = security::random_token(kTokenBytes);
  const std::string token_hash = security::sha256_hex(token);
  const long long now = unix_seconds(options_.now());
  const std::string user_agent = clean_user_agent(request.header("User-Agent").value_or(""));
  const long long idle_since = now - kSessionIdleSeconds;
  // Housekeeping: this user's sessions that have idled out.
  sql << "DELETE FROM sessions WHERE user_id = :user_id AND last_seen_at < :idle_since",
      soci::use(user_id), soci::use(idle_since);
  sql << "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, user_agent, ip) "
         "VALUES (:token_hash, :user_id, :created_at, :last_seen_at, :user_agent, :ip)",
      soci::use(token_hash), soci::use(user_id), soci::use(now), soci::use(now),
      soci::use(user_agent), soci::use(request.remote_address);
  return cookie_with(token, kSessionIdleSeconds);
}

void Sessions::end_current(soci::session& sql, const http::Request& request) const {
  const auto token = request_token(request);
  if (!token) return;
  const std::string token_hash = security::sha256_hex(*token);
  sql << "DELETE FROM sessions WHERE token_hash = :token_hash", soci::use(token_hash);
}

void Sessions::end_all(soci::session& sql, long long user_id) const {
  sql << "DELETE FROM sessions WHERE user_id = :user_id", soci::use(user_id);
}

std::optional<std::string> Sessions::refresh_cookie(const http::Request& request) const {
  const auto token = request_token(request);
  if (!token) return std::nullopt;
  return cookie_with(*token, kSessionIdleSeconds);
}

std::string Sessions::expired_cookie() const { return cookie_with("", 0); }

http::Response Sessions::signed_out_response() const {
  http::Response response;
  response.status = 204;
  response.headers.add("Set-Cookie", expired_cookie());
  return response;
}

std::string Sessions::cookie_with(std::string_view token, long long max_age) const {
  return http::set_cookie_value(kSessionCookie, token,
                                {.path = "/",
                                 .max_age = max_age,
                                 .http_only = true,
                                 .secure = options_.secure_cookie,
                                 .same_site = "Lax"});
}

}  // namespace cdscb::server::accounts
