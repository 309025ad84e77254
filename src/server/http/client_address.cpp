#include "http/client_address.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>

#include "util/strings.h"

namespace cdscb::server::http {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// An X-Forwarded-For entry: an address, "[v6]", "[v6]:port" or "v4:port".
std::optional<std::string> forwarded_ip(std::string_view entry) {
  if (entry.starts_with('[')) {
    const std::size_t close = entry.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    return normalize_ip(entry.substr(1, close - 1));
  }
  if (std::count(entry.begin(), entry.end(), ':') == 1) entry = entry.substr(0, entry.find(':'));
  return normalize_ip(entry);
}

// The X-Forwarded-For entries of every such header, left to right.
std::vector<std::string_view> forwarded_chain(const Headers& headers) {
  std::vector<std::string_view> chain;
  for (const auto& [name, value] : headers) {
    if (!util::iequals(name, "X-Forwarded-For")) continue;
    std::string_view rest = value;
    while (true) {
      const std::size_t comma = rest.find(',');
      chain.push_back(trim(rest.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return chain;
}

}  // namespace

std::optional<std::string> normalize_ip(std::string_view text) {
  boost::system::error_code error;
  const auto address = boost::asio::ip::make_address(std::string(text), error);
  if (error) return std::nullopt;
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, address.to_v6())
        .to_string();
  }
  return address.to_string();
}

std::string client_address(std::string_view peer, const Headers& headers,
                           const std::vector<std::string>& trusted_proxies) {
  const auto peer_ip = normalize_ip(peer);
  if (!peer_ip) return std::string(peer);
  const auto trusted = [&](const std::string& ip) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), ip) != trusted_proxies.end();
  };
  std::string client = *peer_ip;
  if (!trusted(client)) return client;
  const std::vector<std::string_view> chain = forwarded_chain(headers);
  for (auto entry = chain.rbegin(); entry != chain.rend(); ++entry) {
    const auto ip = forwarded_ip(*entry);
    if (!ip) break;
    client = *ip;
    if (!trusted(client)) break;
  }
  return client;
}

}  // namespace cdscb::server::http
