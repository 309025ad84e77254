// The production HttpFetch: the VNeID client's requests sent with integrations::http_call (plain
// http only, e.g. the sandbox provider; an https issuer answers with a transport error until the
// HTTP client learns TLS). Blocks the calling worker thread for at most `timeout` per step.
#pragma once

#include <chrono>

#include "integrations/vneid/http_fetch.h"

namespace cdscb::server::integrations::vneid {

HttpFetch make_http_fetch(std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace cdscb::server::integrations::vneid
