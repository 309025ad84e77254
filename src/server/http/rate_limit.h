// The one rate limiter for actions a client can repeat to grow the server's tables or work
// (creating feedback, following, "Phản ánh tương tự", photo uploads). Counters live in the
// database (table rate_limits), so every server process sharing it sees the same counts; each hit
// is one atomic INSERT … ON CONFLICT DO UPDATE … RETURNING on SQLite and PostgreSQL, so parallel
// requests cannot slip past a limit. Windows are fixed (aligned to multiples of their length):
// simple to reason about, at worst twice the limit across a window boundary.
//
// The accounts module's text-message and login limits stay their own: they count distinct
// numbers, back off from the latest failure and undo a send that did not go out, which a counter
// cannot express. They answer with the same 429 (too_many_requests_response).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace soci {
class session;
}

namespace cdscb::server::http {

struct RateLimit {
  std::string_view action;  // e.g. "feedback_create"; with the window, names the counter
  long long limit = 0;      // the most `cost` allowed in one window
  long long window = 0;     // seconds
  // What the refusal says before "Hãy thử lại sau …"; empty: "Bạn đã thao tác quá nhiều lần."
  std::string_view message = {};
};

// 429 {"error":{"code","message","fields":{},"retry_after"},"retry_after"} and a Retry-After
// header (seconds); `message` is Vietnamese.
Response too_many_requests_response(std::string_view code, std::string_view message,
                                    long long retry_after);

// The counter key of a signed-in account, and of a client address when nobody is signed in.
std::string account_key(long long user_id);
std::string address_key(const Request& request);

// Adds `cost` to each limit's counter for `key` in the window holding `now` (Unix seconds). When
// any goes past its limit: the 429 "rate_limited" answer, with a Vietnamese message saying how
// long to wait and Retry-After = seconds to the end of the longest exceeded window; the refused
// request is then taken back from every counter. nullopt: go ahead. Call it outside any
// transaction, before the work it guards (a request that fails later still counts):
//   if (auto refused = http::check_rate_limits(sql, {kPerHour}, key, now)) return *refused;
std::optional<Response> check_rate_limits(soci::session& sql,
                                          std::initializer_list<RateLimit> limits,
                                          std::string_view key, long long now, long long cost = 1);

// On by default; main.cpp turns every limit off for --rate-limits off (load tests only).
void set_rate_limits_enabled(bool enabled);

// Deletes counters whose window ended before `now`; the number deleted.
long long purge_rate_limits(soci::session& sql, long long now);

}  // namespace cdscb::server::http
