#include "integrations/address_policy.h"

// clang-format off
#include <utility>  // first: Boost 1.74's asio headers use std::exchange without including it
// clang-format on

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include "util/strings.h"

namespace cdscb::server::integrations {
namespace {

namespace ip = boost::asio::ip;

struct Range {
  const char* network;
};

// Special-purpose ranges (IANA registries), none reachable on the public internet as a server.
constexpr Range kV4NotPublic[] = {
    {"0.0.0.0/8"},      {"10.0.0.0/8"},     {"100.64.0.0/10"}, {"127.0.0.0/8"},
    {"169.254.0.0/16"}, {"172.16.0.0/12"},  {"192.0.0.0/24"},  {"192.0.2.0/24"},
    {"192.88.99.0/24"}, {"192.168.0.0/16"}, {"198.18.0.0/15"}, {"198.51.100.0/24"},
    {"203.0.113.0/24"}, {"224.0.0.0/4"},    {"240.0.0.0/4"},
};
// Within 2000::/3 (global unicast), the parts that are not ordinary hosts: IETF protocol
// assignments (Teredo among them), documentation, 6to4 (which embeds any IPv4 address).
constexpr Range kV6NotPublic[] = {{"2001::/23"}, {"2001:db8::/32"}, {"2002::/16"}};

std::optional<ip::address> parse_ip(std::string_view text) {
  boost::system::error_code ec;
  const ip::address address = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return ip::address(ip::make_address_v4(ip::v4_mapped, address.to_v6()));
  }
  return address;
}

bool in_v4(const ip::address_v4& address, const ip::network_v4& network) {
  return (address.to_uint() & network.netmask().to_uint()) == network.network().to_uint();
}

// Whether the first `prefix` bits of `bytes` and `network` agree.
bool same_prefix(const std::uint8_t* bytes, const std::array<std::uint8_t, 16>& network,
                 unsigned prefix) {
  for (unsigned bit = 0; bit < prefix; ++bit) {
    const unsigned byte = bit / 8;
    const auto mask = static_cast<std::uint8_t>(0x80u >> (bit % 8));
    if ((bytes[byte] & mask) != (network[byte] & mask)) return false;
  }
  return true;
}

bool public_v4(const ip::address_v4& address) {
  for (const Range& range : kV4NotPublic) {
    if (in_v4(address, ip::make_network_v4(range.network))) return false;
  }
  return true;
}

bool public_v6(const ip::address_v6& address) {
  // Only global unicast (2000::/3); that leaves out ::1, ::, fc00::/7, fe80::/10, ff00::/8,
  // the NAT64 64:ff9b::/96 and the rest.
  if ((address.to_bytes()[0] & 0xe0) != 0x20) return false;
  for (const Range& range : kV6NotPublic) {
    const ip::network_v6 network = ip::make_network_v6(range.network);
    if (same_prefix(address.to_bytes().data(), network.network().to_bytes(),
                    network.prefix_length())) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool is_public_address(std::string_view text) {
  const auto address = parse_ip(text);
  if (!address) return false;
  return address->is_v4() ? public_v4(address->to_v4()) : public_v6(address->to_v6());
}

std::optional<AllowedAddress> parse_allowed_address(std::string_view entry) {
  std::string_view host = entry;
  std::string_view port;
  if (entry.starts_with('[')) {
    const std::size_t close = entry.find(']');
    if (close == std::string_view::npos || entry.substr(close + 1, 1) != ":") return std::nullopt;
    host = entry.substr(1, close - 1);
    port = entry.substr(close + 2);
    if (port.empty()) return std::nullopt;
  } else if (const std::size_t colon = entry.find(':');
             colon != std::string_view::npos &&
             entry.find(':', colon + 1) == std::string_view::npos) {
    host = entry.substr(0, colon);  // one colon: IPv4:PORT (IPv6 has at least two)
    port = entry.substr(colon + 1);
    if (port.empty()) return std::nullopt;
  }
  AllowedAddress allowed;
  if (!port.empty()) {
    const auto number = util::parse_unsigned(port);
    if (!number || *number == 0 || *number > 65535) return std::nullopt;
    allowed.port = static_cast<std::uint16_t>(*number);
  }
  boost::system::error_code ec;
  if (host.find('/') != std::string_view::npos) {
    if (!port.empty()) return std::nullopt;
    const std::string text(host);
    if (text.find(':') == std::string::npos) {
      const ip::network_v4 network = ip::make_network_v4(text, ec);
      if (ec) return std::nullopt;
      const auto bytes = network.network().to_bytes();
      std::copy(bytes.begin(), bytes.end(), allowed.bytes.begin());
      allowed.prefix = static_cast<unsigned>(network.prefix_length());
    } else {
      const ip::network_v6 network = ip::make_network_v6(text, ec);
      if (ec) return std::nullopt;
      allowed.v6 = true;
      allowed.bytes = network.network().to_bytes();
      allowed.prefix = static_cast<unsigned>(network.prefix_length());
    }
    return allowed;
  }
  const auto address = parse_ip(host);
  if (!address) return std::nullopt;
  if (address->is_v4()) {
    const auto bytes = address->to_v4().to_bytes();
    std::copy(bytes.begin(), bytes.end(), allowed.bytes.begin());
    allowed.prefix = 32;
  } else {
    allowed.v6 = true;
    allowed.bytes = address->to_v6().to_bytes();
    allowed.prefix = 128;
  }
  return allowed;
}

bool AddressPolicy::allows(std::string_view text, std::uint16_t port) const {
  const auto address = parse_ip(text);
  if (!address) return false;
  if (address->is_v4() ? public_v4(address->to_v4()) : public_v6(address->to_v6())) return true;
  for (const AllowedAddress& entry : allowed) {
    if (entry.port != 0 && entry.port != port) continue;
    if (entry.v6 != address->is_v6()) continue;
    const bool match =
        entry.v6 ? same_prefix(address->to_v6().to_bytes().data(), entry.bytes, entry.prefix)
                 : same_prefix(address->to_v4().to_bytes().data(), entry.bytes, entry.prefix);
    if (match) return true;
  }
  return false;
}

}  // namespace cdscb::server::integrations
