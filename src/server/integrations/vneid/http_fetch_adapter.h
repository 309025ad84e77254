// The production HttpFetch: the VNeID client's requests sent with integrations::http_call, over
// http (the sandbox provider) or https with the certificate checked against `ca_file` (empty:
// the system's store), to public addresses and those in `addresses`. Blocks the calling worker
// thread for at most `timeout` per step.
#pragma once

#include <chrono>
#include <string>

#include "integrations/address_policy.h"
#include "integrations/vneid/http_fetch.h"

namespace cdscb::server::integrations::vneid {

HttpFetch make_http_fetch(std::chrono::milliseconds timeout = std::chrono::seconds(10),
                          std::string ca_file = "", AddressPolicy addresses = {});

}  // namespace cdscb::server::integrations::vneid
