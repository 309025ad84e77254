#include "modules/accounts/login_throttle.h"

#include <soci/soci.h>

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <nlohmann/json.hpp>
#include <vector>

#include "http/rate_limit.h"
#include "modules/accounts/messages.h"
#include "modules/accounts/passwords.h"
#include "modules/accounts/users.h"

namespace cdscb::server::accounts {

std::string address_bucket(const std::string& address) {
  boost::system::error_code error;
  const auto parsed = boost::asio::ip::make_address(address, error);
  if (error) return address;
  if (parsed.is_v4()) return parsed.to_string();
  const auto v6 = parsed.to_v6();
  if (v6.is_v4_mapped()) {
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6).to_string();
  }
  auto bytes = v6.to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return boost::asio::ip::address_v6(bytes).to_string() + "/64";
}

long long slow_down_delay(int failures) {
  if (failures < kSlowDownAfterFailures) return 0;
  return 1LL << std::min(failures, 20);
}

std::optional<Lockout> login_lockout(soci::session& sql, const std::string& phone,
                                     const std::string& address, long long now) {
  // The number's latest failures, newest first.
  std::vector<long long> latest(kMaxFailuresPerPhone);
  soci::statement select =
      (sql.prepare << "SELECT failed_at FROM login_failures WHERE phone = :phone "
                      "ORDER BY failed_at DESC LIMIT " +
                          std::to_string(kMaxFailuresPerPhone),
       soci::use(phone), soci::into(latest));
  select.execute(true);
  // Locked: the 5 latest fall within one window; the lock runs from the last of them.
  if (latest.size() == static_cast<std::size_t>(kMaxFailuresPerPhone) &&
      latest.front() - latest.back() <= kFailureWindow) {
    const long long until = latest.front() + kLockoutSeconds;
    if (until > now) return Lockout{until - now, LockoutKind::kLocked};
  }
  // Slowed down: n failures within the window ask for 2^n seconds after the latest.
  const auto recent =
      static_cast<int>(std::count_if(latest.begin(), latest.end(), [now](long long failed_at) {
        return failed_at > now - kFailureWindow;
      }));
  if (!latest.empty()) {
    const long long until = latest.front() + slow_down_delay(recent);
    if (until > now) return Lockout{until - now, LockoutKind::kSlowDown};
  }

  if (address.empty()) return std::nullopt;  // not from a socket (tests, tools)
  const std::string bucket = address_bucket(address);
  const long long window_start = now - kFailureWindow;
  int count = 0;
  long long oldest = 0;
  soci::indicator oldest_indicator = soci::i_null;
  sql << "SELECT COUNT(*), MIN(failed_at) FROM login_failures "
         "WHERE ip = :ip AND failed_at > :window_start",
      soci::use(bucket), soci::use(window_start), soci::into(count),
      soci::into(oldest, oldest_indicator);
  if (count >= kMaxFailuresPerAddress && oldest_indicator == soci::i_ok) {
    return Lockout{std::max(oldest + kFailureWindow - now, 1LL), LockoutKind::kAddress};
  }
  return std::nullopt;
}

void record_login_failure(soci::session& sql, const std::string& phone, const std::string& address,
                          long long now) {
  const std::string bucket = address_bucket(address);
  sql << "INSERT INTO login_failures (phone, ip, failed_at) VALUES (:phone, :ip, :now)",
      soci::use(phone), soci::use(bucket), soci::use(now);
}

std::optional<http::Response> check_password(soci::session& sql, db::Backend backend,
                                             const PasswordHasher& hasher,
                                             const PasswordTry& attempt,
                                             const WrongPassword& wrong) {
  {
    db::Transaction transaction(sql, backend);
    // Always the number's lock before the address's, so two tries never wait for each other.
    db::lock_name(sql, backend, "login_failures phone " + attempt.phone);
    if (!attempt.address.empty()) {
      db::lock_name(sql, backend, "login_failures ip " + address_bucket(attempt.address));
    }
    if (const auto lockout = login_lockout(sql, attempt.phone, attempt.address, attempt.now)) {
      return lockout_response(*lockout);
    }
    record_login_failure(sql, attempt.phone, attempt.address, attempt.now);
    transaction.commit();
  }
  // A number without an account (or one without a password) costs the same hashing time.
  const bool right = attempt.user && !attempt.user->password_hash.empty()
                         ? hasher.verify(attempt.user->password_hash, attempt.password)
                         : hasher.verify_nothing(attempt.password);
  if (!right) {
    if (wrong.field.empty()) throw http::HttpError(401, wrong.code, wrong.message);
    throw http::HttpError(401, wrong.code, wrong.message,
                          {{std::string(wrong.field), wrong.message}});
  }
  clear_login_failures(sql, attempt.phone);
  return std::nullopt;
}

void clear_login_failures(soci::session& sql, const std::string& phone) {
  sql << "DELETE FROM login_failures WHERE phone = :phone", soci::use(phone);
}

http::Response rate_limited(std::string_view code, std::string_view message,
                            long long retry_after) {
  return http::too_many_requests_response(code, message, retry_after);
}

http::Response lockout_response(const Lockout& lockout) {
  const std::string minutes = std::to_string((lockout.retry_after + 59) / 60);
  std::string message;
  switch (lockout.kind) {
    case LockoutKind::kSlowDown:
      message = std::string(messages::kSlowDownPrefix) + std::to_string(lockout.retry_after) +
                std::string(messages::kSlowDownSuffix);
      break;
    case LockoutKind::kLocked:
      message =
          std::string(messages::kLockedPrefix) + minutes + std::string(messages::kMinutesSuffix);
      break;
    case LockoutKind::kAddress:
      message = std::string(messages::kAddressLockedPrefix) + minutes +
                std::string(messages::kMinutesSuffix);
      break;
  }
  return rate_limited("too_many_attempts", message, lockout.retry_after);
}

}  // namespace cdscb::server::accounts
