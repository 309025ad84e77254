#include "modules/accounts/login_throttle.h"

#include <soci/soci.h>

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <vector>

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

std::optional<Lockout> login_lockout(soci::session& sql, const std::string& phone,
                                     const std::string& address, long long now) {
  // The number: its 5 latest failures, if they fall within one window, lock it from the last.
  std::vector<long long> latest(kMaxFailuresPerPhone);
  soci::statement select =
      (sql.prepare << "SELECT failed_at FROM login_failures WHERE phone = :phone "
                      "ORDER BY failed_at DESC LIMIT " +
                          std::to_string(kMaxFailuresPerPhone),
       soci::use(phone), soci::into(latest));
  select.execute(true);
  if (latest.size() == static_cast<std::size_t>(kMaxFailuresPerPhone) &&
      latest.front() - latest.back() <= kFailureWindow) {
    const long long until = latest.front() + kLockoutSeconds;
    if (until > now) return Lockout{until - now, false};
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
    return Lockout{std::max(oldest + kFailureWindow - now, 1LL), true};
  }
  return std::nullopt;
}

void record_login_failure(soci::session& sql, const std::string& phone, const std::string& address,
                          long long now) {
  // Housekeeping: failures a day old no longer count for anything.
  const long long stale = now - 24 * 3600;
  sql << "DELETE FROM login_failures WHERE failed_at < :stale", soci::use(stale);
  const std::string bucket = address_bucket(address);
  sql << "INSERT INTO login_failures (phone, ip, failed_at) VALUES (:phone, :ip, :now)",
      soci::use(phone), soci::use(bucket), soci::use(now);
}

void clear_login_failures(soci::session& sql, const std::string& phone) {
  sql << "DELETE FROM login_failures WHERE phone = :phone", soci::use(phone);
}

}  // namespace cdscb::server::accounts
