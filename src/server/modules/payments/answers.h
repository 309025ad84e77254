// How the payment routes answer: about one person's money, so no cache on the way keeps it.
#pragma once

#include "http/response.h"

namespace cdscb::server::payments {

inline http::Response uncached(http::Response response) {
  response.headers.set("Cache-Control", "no-store");
  return response;
}

}  // namespace cdscb::server::payments
