// Sign-in sessions: an opaque random token in an HttpOnly cookie, stored only as its SHA-256.
// Other modules take a `const Sessions&` in their deps and call authenticate() (anyone) or
// require_user() (401 when signed out) to know who is asking; what that user may do is their
// policy's answer (modules/<m>/policy.h), refused through accounts/access.h.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/roles.h"
#include "db/database.h"
#include "http/request.h"
#include "http/response.h"

namespace cdscb::server::accounts {

using Clock = std::function<std::chrono::system_clock::time_point()>;

long long unix_seconds(std::chrono::system_clock::time_point t);

inline constexpr std::string_view kSessionCookie = "cdscb_session";
// A session unused this long is over; the cookie lives as long from its last refresh.
inline constexpr long long kSessionIdleSeconds = 30LL * 24 * 3600;
// last_seen_at is written at most this often per session.
inline constexpr long long kLastSeenResolution = 60;

struct AuthUser {
  long long id = 0;
  long long session_id = 0;
  std::string full_name;
  std::string phone;
  core::Role role = core::Role::kCitizen;
  std::optional<std::string> agency;
};

struct SessionOptions {
  bool secure_cookie = false;  // add Secure: true when the public origin is https
  Clock now = std::chrono::system_clock::now;
};

class Sessions {
 public:
  explicit Sessions(db::Database& database, SessionOptions options = {});

  // The signed-in user of the request's session cookie; nullopt without a cookie, for an unknown
  // token, or for a session idle longer than kSessionIdleSeconds (which is then deleted). Marks
  // the session as seen. This overload borrows a database session from the pool: call it before
  // the handler borrows its own, or use the other overload, since a handler waiting for a second
  // pooled session while holding one can exhaust the pool.
  std::optional<AuthUser> authenticate(const http::Request& request) const;
  std::optional<AuthUser> authenticate(soci::session& sql, const http::Request& request) const;

  // authenticate(), or HttpError 401 "unauthenticated" "Vui lòng đăng nhập.".
  AuthUser require_user(const http::Request& request) const;
  AuthUser require_user(soci::session& sql, const http::Request& request) const;

  // Starts a session for `user_id` (inside the caller's transaction, if any), recording the
  // request's User-Agent and address; returns the Set-Cookie value carrying the new token.
  std::string start(soci::session& sql, long long user_id, const http::Request& request) const;

  // Ends the request's session, if it has one.
  void end_current(soci::session& sql, const http::Request& request) const;
  // Ends every session of the user ("Đăng xuất khỏi mọi thiết bị").
  void end_all(soci::session& sql, long long user_id) const;

  // The request's token again with a fresh Max-Age, so a phone used at least monthly stays
  // signed in; nullopt without a token.
  std::optional<std::string> refresh_cookie(const http::Request& request) const;
  // A Set-Cookie value that makes the browser drop the session cookie.
  std::string expired_cookie() const;
  // 204 No Content that also drops the session cookie (logout, reset, deletion).
  http::Response signed_out_response() const;

  const Clock& clock() const { return options_.now; }

 private:
  std::string cookie_with(std::string_view token, long long max_age) const;

  db::Database& database_;
  SessionOptions options_;
};

}  // namespace cdscb::server::accounts
