// Reading the Cookie header and writing Set-Cookie values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"

namespace cdscb::server::http {

// The value of cookie `name` from the request's Cookie header(s); nullopt when absent. The first
// one wins when a name repeats (the browser sends the most specific path first).
std::optional<std::string> cookie_value(const Request& request, std::string_view name);

struct CookieAttributes {
  std::string path = "/";
  long long max_age = -1;  // seconds; 0 expires the cookie now; negative: a browser-session cookie
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";  // "Strict", "Lax" or "None"
};

// "name=value; Path=/; Max-Age=…; HttpOnly; SameSite=Lax[; Secure]" for a Set-Cookie header.
// `name` and `value` must be cookie-safe tokens (the caller's own, never user input).
std::string set_cookie_value(std::string_view name, std::string_view value,
                             const CookieAttributes& attributes);

}  // namespace cdscb::server::http
