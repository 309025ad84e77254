// Which address a request came from, for per-address limits and the sessions list. Behind a
// reverse proxy every TCP peer is the proxy, so the proxy's X-Forwarded-For is believed, but only
// when the peer is one of the configured trusted proxies (--trusted-proxy): anyone else could
// write any address there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/headers.h"

namespace cdscb::server::http {

// `text` as a canonical IP address ("::ffff:10.0.0.1" → "10.0.0.1"); nullopt when it is not one.
std::optional<std::string> normalize_ip(std::string_view text);

// The client's address. `peer` is the TCP peer. When it is in `trusted_proxies` (canonical
// addresses, see normalize_ip), X-Forwarded-For (every such header, in order) is read from the
// right: trusted proxies are skipped and the first untrusted address is the client; a malformed
// entry stops the walk at the last trusted hop. Otherwise the peer itself.
std::string client_address(std::string_view peer, const Headers& headers,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace cdscb::server::http
