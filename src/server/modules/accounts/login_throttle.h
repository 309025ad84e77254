// Limits password guessing. A number with 5 failed logins within 15 minutes is refused for 15
// minutes from its last failure; one network address with 20 failures in 15 minutes, whatever
// the numbers, is refused until the oldest of them is 15 minutes old. Failures are counted for
// numbers without an account too, so the answers do not tell which numbers have one.
#pragma once

#include <optional>
#include <string>

namespace soci {
class session;
}

namespace cdscb::server::accounts {

inline constexpr int kMaxFailuresPerPhone = 5;
inline constexpr int kMaxFailuresPerAddress = 20;
inline constexpr long long kFailureWindow = 15 * 60;  // seconds
inline constexpr long long kLockoutSeconds = 15 * 60;

struct Lockout {
  long long retry_after = 0;  // seconds
  bool by_address = false;    // the address limit, not the number's
};

// nullopt when a login for `phone` from `address` may be tried now.
std::optional<Lockout> login_lockout(soci::session& sql, const std::string& phone,
                                     const std::string& address, long long now);

void record_login_failure(soci::session& sql, const std::string& phone, const std::string& address,
                          long long now);

// After a successful login or a password reset.
void clear_login_failures(soci::session& sql, const std::string& phone);

// The bucket an address is counted in: IPv4 as is, IPv6 by its /64 network (one subscriber
// usually holds a whole /64), IPv4-mapped IPv6 as the IPv4 address.
std::string address_bucket(const std::string& address);

}  // namespace cdscb::server::accounts
