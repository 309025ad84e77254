// What every request and response passes through: the origin check for state-changing API
// requests, the security headers, and the access log line.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace cdscb::server::http {

// The Content-Security-Policy value; `tile_origin` (e.g. "https://tiles.example") joins img-src
// when not empty.
std::string content_security_policy(std::string_view tile_origin);

// Sets CSP, nosniff, Referrer-Policy, X-Frame-Options and Permissions-Policy on `response`.
void apply_security_headers(Response& response, const std::string& csp);

// A 403 "forbidden_origin" error for a POST/PUT/PATCH/DELETE under /api that a browser sent
// from another site: Sec-Fetch-Site is "cross-site", or Origin differs from `public_origin`
// (when configured) or else from the origin of the Host header. Nothing for other requests.
std::optional<Response> check_origin(const Request& request, std::string_view public_origin);

// "scheme://host[:port]" in lower case with the scheme's default port dropped; nullopt for
// anything that is not an http(s) origin (including "null").
std::optional<std::string> normalize_origin(std::string_view origin);

bool is_api_path(std::string_view path);

// "GET /api/v1/health 200 57B 0.21ms": method, path without the query string (which may carry
// secrets), status, body bytes sent, duration. Never headers, cookies or the query.
std::string access_log_line(std::string_view method, std::string_view path, int status,
                            std::size_t bytes, std::chrono::steady_clock::duration duration);

}  // namespace cdscb::server::http
