// The one way a module's policy says no. Who is asking comes from Sessions (authenticate(), or
// require_user() for 401 "Vui lòng đăng nhập."); whether they may is a plain function of the
// module's policy.h; its "no" becomes an answer here, so every refusal has the same shape.
#pragma once

#include <string_view>

#include "http/response.h"
#include "modules/accounts/messages.h"

namespace cdscb::server::accounts {

// 403 `code` with the Vietnamese `message` unless `allowed`.
inline void require(bool allowed, std::string_view message = messages::kForbidden,
                    std::string_view code = "forbidden") {
  if (!allowed) throw http::HttpError(403, code, message);
}

// 404 "not_found" with `message` unless `visible`: for records whose very existence the policy
// hides from the caller.
inline void require_visible(bool visible, std::string_view message) {
  if (!visible) throw http::HttpError(404, "not_found", message);
}

}  // namespace cdscb::server::accounts
