// Which addresses the server's outbound HTTP (SMS gateway, VNeID, news feeds and their images,
// later bill providers) may connect to. By default only public unicast addresses: a feed item's
// image URL, or a provider document, cannot make the server reach loopback, a private network,
// link-local (cloud metadata at 169.254.169.254) or any other special-purpose range. The check is
// made on each address the name resolved to, and the client connects only to addresses that
// passed it (http_client.cpp), so a DNS name pointing at 127.0.0.1 is refused like 127.0.0.1.
// The operator allows private addresses one by one with --allow-private-fetch.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::server::integrations {

// True for a public unicast IPv4 or IPv6 address (IPv4-mapped IPv6 judged as its IPv4 address);
// false for loopback, private, shared (100.64/10), link-local, unique-local, documentation,
// benchmarking, multicast, reserved and unspecified addresses, and for text that is not an
// address.
bool is_public_address(std::string_view ip);

// One --allow-private-fetch entry: "ADDRESS:PORT", "[IPV6]:PORT", "ADDRESS" or "CIDR" such as
// 10.0.0.0/8 or fd00::/8 (any port for the last two).
struct AllowedAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
  unsigned prefix = 0;                   // bits that must match
  std::uint16_t port = 0;                // 0: any port
};
std::optional<AllowedAddress> parse_allowed_address(std::string_view entry);

struct AddressPolicy {
  std::vector<AllowedAddress> allowed;

  // Whether a connection to `ip`:`port` may be made: a public address, or one that is allowed.
  bool allows(std::string_view ip, std::uint16_t port) const;
};

}  // namespace cdscb::server::integrations
