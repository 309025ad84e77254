#include "http/cookies.h"

#include "util/strings.h"

namespace cdscb::server::http {

std::optional<std::string> cookie_value(const Request& request, std::string_view name) {
  for (const auto& [field, value] : request.headers) {
    if (!util::iequals(field, "Cookie")) continue;
    for (std::string_view pair : util::split(value, ';')) {
      pair = util::trim(pair);
      const std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos || util::trim(pair.substr(0, eq)) != name) continue;
      std::string_view cookie = util::trim(pair.substr(eq + 1));
      if (cookie.size() >= 2 && cookie.front() == '"' && cookie.back() == '"') {
        cookie = cookie.substr(1, cookie.size() - 2);
      }
      return std::string(cookie);
    }
  }
  return std::nullopt;
}

std::string set_cookie_value(std::string_view name, std::string_view value,
                             const CookieAttributes& attributes) {
  std::string out;
  out.append(name).append("=").append(value);
  out.append("; Path=").append(attributes.path);
  if (attributes.max_age >= 0) {
    out.append("; Max-Age=").append(std::to_string(attributes.max_age));
    // Old browsers ignore Max-Age; an Expires in the past makes sure they drop the cookie.
    if (attributes.max_age == 0) out.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  }
  if (attributes.http_only) out.append("; HttpOnly");
  if (!attributes.same_site.empty()) out.append("; SameSite=").append(attributes.same_site);
  if (attributes.secure) out.append("; Secure");
  return out;
}

}  // namespace cdscb::server::http
