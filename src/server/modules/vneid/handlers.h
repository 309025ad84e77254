// Shared by the VNeID module's route files; not for other modules.
#pragma once

#include <optional>
#include <string>

#include "http/request.h"
#include "http/response.h"
#include "modules/vneid/routes.h"

namespace cdscb::server::vneid {

void register_login_routes(http::Router& router, const VneidDeps& deps);
void register_link_routes(http::Router& router, const VneidDeps& deps);

long long now_seconds(const VneidDeps& deps);

// SHA-256 of the request's cdscb_vneid cookie; "" without one.
std::string attempt_hash(const http::Request& request);

// Set-Cookie values for the attempt cookie: a new one, or one that drops it.
std::string attempt_cookie(const VneidDeps& deps, const std::string& attempt_id);
std::string expired_attempt_cookie(const VneidDeps& deps);

}  // namespace cdscb::server::vneid
