#include "http/rate_limit.h"

#include <soci/soci.h>

#include <algorithm>
#include <atomic>
#include <nlohmann/json.hpp>

#include "util/log.h"

namespace cdscb::server::http {
namespace {

constexpr std::string_view kCode = "rate_limited";

std::atomic<bool> enabled{true};

constexpr std::string_view kTooOften = "Bạn đã thao tác quá nhiều lần.";

// "Bạn đã thao tác quá nhiều lần. Hãy thử lại sau 25 phút." (hours past two hours).
std::string wait_message(std::string_view what, long long retry_after) {
  const long long minutes = (retry_after + 59) / 60;
  const std::string wait = minutes > 120 ? std::to_string((minutes + 59) / 60) + " giờ"
                                         : std::to_string(minutes) + " phút";
  return std::string(what.empty() ? kTooOften : what) + " Hãy thử lại sau " + wait + ".";
}

// The window's length is part of the name: an hourly and a daily counter of one action can start
// at the same second.
std::string counter_name(const RateLimit& limit) {
  return std::string(limit.action) + "/" + std::to_string(limit.window);
}

// The counter's total after adding `cost`, in one statement.
long long add_hit(soci::session& sql, const RateLimit& limit, std::string_view key,
                  long long window_start, long long cost) {
  const std::string action = counter_name(limit);
  const std::string subject(key);
  const long long expires_at = window_start + limit.window;
  long long hits = 0;
  sql << "INSERT INTO rate_limits (action, subject, window_start, expires_at, hits) "
         "VALUES (:action, :subject, :window_start, :expires_at, :cost) "
         "ON CONFLICT (action, subject, window_start) DO UPDATE "
         "SET hits = rate_limits.hits + excluded.hits RETURNING hits",
      soci::use(action), soci::use(subject), soci::use(window_start), soci::use(expires_at),
      soci::use(cost), soci::into(hits);
  return hits;
}

}  // namespace

Response too_many_requests_response(std::string_view code, std::string_view message,
                                    long long retry_after) {
  Response response = Response::json(429, {{"error",
                                            {{"code", code},
                                             {"message", message},
                                             {"fields", nlohmann::json::object()},
                                             {"retry_after", retry_after}}},
                                           {"retry_after", retry_after}});
  response.headers.set("Retry-After", std::to_string(retry_after));
  return response;
}

std::string account_key(long long user_id) { return "user:" + std::to_string(user_id); }

std::string address_key(const Request& request) { return "ip:" + request.remote_address; }

std::optional<Response> check_rate_limits(soci::session& sql,
                                          std::initializer_list<RateLimit> limits,
                                          std::string_view key, long long now, long long cost) {
  if (!enabled.load(std::memory_order_relaxed)) return std::nullopt;
  long long retry_after = 0;
  const RateLimit* refused = nullptr;
  for (const RateLimit& limit : limits) {
    const long long window_start = now - now % limit.window;
    const long long wait = std::max(window_start + limit.window - now, 1LL);
    if (add_hit(sql, limit, key, window_start, cost) > limit.limit && wait > retry_after) {
      retry_after = wait;
      refused = &limit;
    }
  }
  if (!refused) return std::nullopt;
  // A refused request is taken back from every counter, so that waiting out an hourly limit
  // does not also use up the day's.
  for (const RateLimit& limit : limits) {
    const std::string action = counter_name(limit);
    const std::string subject(key);
    const long long window_start = now - now % limit.window;
    sql << "UPDATE rate_limits SET hits = hits - :cost WHERE action = :action "
           "AND subject = :subject AND window_start = :window_start",
        soci::use(cost), soci::use(action), soci::use(subject), soci::use(window_start);
  }
  util::log_warn("rate limit: " + std::string(key) + " refused " + std::string(refused->action));
  return too_many_requests_response(kCode, wait_message(refused->message, retry_after),
                                    retry_after);
}

void set_rate_limits_enabled(bool on) { enabled.store(on, std::memory_order_relaxed); }

long long purge_rate_limits(soci::session& sql, long long now) {
  soci::statement statement =
      (sql.prepare << "DELETE FROM rate_limits WHERE expires_at <= :now", soci::use(now));
  statement.execute(true);
  return statement.get_affected_rows();
}

}  // namespace cdscb::server::http
