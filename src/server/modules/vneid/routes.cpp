#include "modules/vneid/routes.h"

#include "http/cookies.h"
#include "modules/vneid/handlers.h"
#include "modules/vneid/store.h"
#include "security/crypto.h"

namespace cdscb::server {

void register_vneid_routes(http::Router& router, const VneidDeps& deps) {
  vneid::register_login_routes(router, deps);
  vneid::register_link_routes(router, deps);
}

}  // namespace cdscb::server

namespace cdscb::server::vneid {
namespace {

constexpr const char* kCookiePath = "/api/v1/auth/vneid";

}  // namespace

long long now_seconds(const VneidDeps& deps) {
  return accounts::unix_seconds(deps.sessions.clock()());
}

std::string attempt_hash(const http::Request& request) {
  const auto id = http::cookie_value(request, kVneidAttemptCookie);
  if (!id || id->empty()) return {};
  return security::sha256_hex(*id);
}

std::string attempt_cookie(const VneidDeps& deps, const std::string& attempt_id) {
  return http::set_cookie_value(kVneidAttemptCookie, attempt_id,
                                {.path = kCookiePath,
                                 .max_age = kAttemptSeconds,
                                 .http_only = true,
                                 .secure = deps.secure_cookie,
                                 .same_site = "Lax"});
}

std::string expired_attempt_cookie(const VneidDeps& deps) {
  return http::set_cookie_value(
      kVneidAttemptCookie, "",
      {.path = kCookiePath, .max_age = 0, .http_only = true, .secure = deps.secure_cookie});
}

}  // namespace cdscb::server::vneid
