// Limits password guessing, in three steps:
//  - slow down: once a number has 3 failed logins within 15 minutes, the next try must wait
//    2^n seconds after the latest failure (n failures: 8 s after 3, 16 s after 4);
//  - lock: 5 failures within 15 minutes lock the number for 15 minutes from the last one;
//  - per address: one network address with 20 failures in 15 minutes, whatever the numbers, is
//    refused until the oldest of them is 15 minutes old (stops spraying across numbers).
// A refused try is not checked and not counted. Failures are counted for numbers without an
// account too, so the answers do not tell which numbers have one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "db/database.h"
#include "http/response.h"

namespace soci {
class session;
}

namespace cdscb::server::accounts {

class PasswordHasher;
struct User;

inline constexpr int kSlowDownAfterFailures = 3;
inline constexpr int kMaxFailuresPerPhone = 5;
inline constexpr int kMaxFailuresPerAddress = 20;
inline constexpr long long kFailureWindow = 15 * 60;  // seconds
inline constexpr long long kLockoutSeconds = 15 * 60;

enum class LockoutKind {
  kSlowDown,  // wait a few seconds before the next try on this number
  kLocked,    // the number is locked for kLockoutSeconds
  kAddress,   // the address limit, not the number's
};

struct Lockout {
  long long retry_after = 0;  // seconds
  LockoutKind kind = LockoutKind::kLocked;
};

// Seconds a number with `failures` recent failures must wait after the latest before another
// try: 0 below kSlowDownAfterFailures, then 2^failures.
long long slow_down_delay(int failures);

// nullopt when a login for `phone` from `address` may be tried now.
std::optional<Lockout> login_lockout(soci::session& sql, const std::string& phone,
                                     const std::string& address, long long now);

void record_login_failure(soci::session& sql, const std::string& phone, const std::string& address,
                          long long now);

// A password to check for the number `phone` (the one the throttle counts).
struct PasswordTry {
  const std::string& phone;
  const User* user;  // its account; nullptr when none (as slow, and wrong)
  std::string_view password;
  const std::string& address;  // request.remote_address
  long long now;
};

// What a wrong password answers: 401 with `code` and `message`, also by `field` when given.
struct WrongPassword {
  std::string_view code;
  std::string_view message;
  std::string_view field = {};
};

// Every form that takes a password checks it here. The throttle's check and the counting of the
// try are one step (a transaction holding the number's and the address's locks, db::lock_name),
// so tries sent at once cannot all pass a limit that each alone would: each is counted as a
// failure before its hash is verified, outside any lock (about 50 ms), and a right password then
// clears the number's failures. The 429 answer when the try is refused; nullopt when right;
// throws http::HttpError (`wrong`) when wrong.
std::optional<http::Response> check_password(soci::session& sql, db::Backend backend,
                                             const PasswordHasher& hasher,
                                             const PasswordTry& attempt,
                                             const WrongPassword& wrong);

// After a successful login or a password reset.
void clear_login_failures(soci::session& sql, const std::string& phone);

// The 429 "too_many_attempts" answer for a refused try, for every form that checks a password:
// a Vietnamese message that says how long to wait, "retry_after" (seconds) in the error and
// beside it, and a Retry-After header.
http::Response lockout_response(const Lockout& lockout);

// 429 with `code` and `message`, "retry_after" (seconds) inside the error and beside it (where
// older clients read it), and a Retry-After header.
http::Response rate_limited(std::string_view code, std::string_view message, long long retry_after);

// The bucket an address is counted in: IPv4 as is, IPv6 by its /64 network (one subscriber
// usually holds a whole /64), IPv4-mapped IPv6 as the IPv4 address.
std::string address_bucket(const std::string& address);

}  // namespace cdscb::server::accounts
