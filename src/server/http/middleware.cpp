#include "http/middleware.h"

#include <cstdio>

#include "http/messages.h"
#include "util/strings.h"

namespace cdscb::server::http {
namespace {

bool is_state_changing(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

struct Authority {
  std::string host;  // lower case; IPv6 keeps its brackets
  std::string port;  // empty when absent
};

// Splits "host[:port]" (Host header or the authority of an origin).
std::optional<Authority> parse_authority(std::string_view s) {
  if (s.empty()) return std::nullopt;
  Authority out;
  std::string_view port;
  if (s.front() == '[') {
    const std::size_t close = s.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    out.host = util::to_lower(s.substr(0, close + 1));
    std::string_view rest = s.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
    }
  } else {
    const std::size_t colon = s.rfind(':');
    out.host = util::to_lower(s.substr(0, colon));
    if (colon != std::string_view::npos) port = s.substr(colon + 1);
  }
  if (out.host.empty() || out.host.find_first_of("/?#@ \t") != std::string::npos) {
    return std::nullopt;
  }
  if (!port.empty()) {
    const auto number = util::parse_unsigned(port);
    if (!number || *number > 65535) return std::nullopt;
    out.port = std::to_string(*number);
  }
  return out;
}

}  // namespace

std::string content_security_policy(std::string_view tile_origin) {
  const std::string tiles = tile_origin.empty() ? "" : " " + std::string(tile_origin);
  // connect-src blob: lets the page read back photos it picked (object URLs it made itself) to
  // keep them in IndexedDB, upload them and decode them into textures; the tile origin lets the
  // service worker fetch the tiles it keeps for offline use (shell/sw.js).
  return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src "
         "'self' data: blob:" +
         tiles + "; connect-src 'self' blob:" + tiles +
         "; worker-src 'self'; manifest-src 'self'; media-src 'self' "
         "blob:; "
         "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
}

void apply_security_headers(Response& response, const std::string& csp) {
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "geolocation=(self), camera=(self)");
}

std::optional<std::string> normalize_origin(std::string_view origin) {
  origin = util::trim(origin);
  while (!origin.empty() && origin.back() == '/') origin.remove_suffix(1);
  std::string scheme;
  if (util::starts_with_ci(origin, "http://")) {
    scheme = "http";
  } else if (util::starts_with_ci(origin, "https://")) {
    scheme = "https";
  } else {
    return std::nullopt;
  }
  const auto authority = parse_authority(origin.substr(scheme.size() + 3));
  if (!authority) return std::nullopt;
  const bool default_port = (scheme == "http" && authority->port == "80") ||
                            (scheme == "https" && authority->port == "443");
  std::string out = scheme + "://" + authority->host;
  if (!authority->port.empty() && !default_port) out += ":" + authority->port;
  return out;
}

std::optional<Response> check_origin(const Request& request, std::string_view public_origin) {
  if (!is_state_changing(request.method) || !is_api_path(request.path)) return std::nullopt;
  const auto forbidden = [] {
    return Response::error(403, "forbidden_origin", messages::kForbiddenOrigin);
  };

  if (const auto site = request.header("Sec-Fetch-Site");
      site && util::iequals(util::trim(*site), "cross-site")) {
    return forbidden();
  }
  const auto origin_header = request.header("Origin");
  if (!origin_header) return std::nullopt;  // not a browser's cross-origin request
  const auto origin = normalize_origin(*origin_header);
  if (!origin) return forbidden();

  if (!public_origin.empty()) {
    if (origin != normalize_origin(public_origin)) return forbidden();
    return std::nullopt;
  }
  // No configured origin: the page must come from the host the request was sent to. The scheme
  // is unknown behind a TLS proxy, so compare host and port, taking the Origin's default port
  // when Host names none.
  const auto host = parse_authority(util::trim(request.header("Host").value_or("")));
  if (!host) return forbidden();
  const std::size_t authority_start = origin->find("://") + 3;
  const auto origin_authority = parse_authority(std::string_view(*origin).substr(authority_start));
  const bool https = origin->starts_with("https://");
  const std::string origin_port =
      origin_authority->port.empty() ? (https ? "443" : "80") : origin_authority->port;
  const bool same =
      origin_authority->host == host->host &&
      (host->port.empty() ? origin_port == (https ? "443" : "80") : origin_port == host->port);
  if (!same) return forbidden();
  return std::nullopt;
}

bool is_api_path(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

std::string access_log_line(std::string_view method, std::string_view path, int status,
                            std::size_t bytes, std::chrono::steady_clock::duration duration) {
  const double ms = std::chrono::duration<double, std::milli>(duration).count();
  char tail[96];
  std::snprintf(tail, sizeof tail, " %d %zuB %.2fms", status, bytes, ms);
  std::string line;
  line.reserve(method.size() + path.size() + sizeof tail + 1);
  line.append(method).push_back(' ');
  line.append(path).append(tail);
  return line;
}

}  // namespace cdscb::server::http
