// How the news module reads the web: feeds and their images, over the server's HTTP client.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "integrations/http_client.h"

namespace cdscb::server::news {

// GETs `url`; throws std::runtime_error when it cannot.
using Fetch = std::function<integrations::HttpReply(const std::string& url, std::size_t max_bytes)>;
// The server's HTTP client over http or https (10 s timeouts; certificates checked against the
// system store or `ca_file`; public addresses only, besides those in `addresses`).
Fetch http_fetch(std::string ca_file = {}, integrations::AddressPolicy addresses = {});

}  // namespace cdscb::server::news
