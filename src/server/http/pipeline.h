// Everything between a parsed request and the response the transport writes: origin check,
// routing to API handlers or static files, security headers. Transport-independent, so tests
// drive it directly.
#pragma once

#include <string>
#include <vector>

#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "http/static_files.h"

namespace cdscb::server::http {

struct PipelineOptions {
  std::string public_origin;  // e.g. "https://congdanso.caobang.gov.vn"; empty: use Host
  std::string tile_origin;    // joins CSP img-src when set
  // Canonical addresses of reverse proxies whose X-Forwarded-For is believed (client_address.h).
  std::vector<std::string> trusted_proxies = {};
};

class Pipeline {
 public:
  // `router` and `site` must outlive the pipeline; `site` may be empty (API only).
  Pipeline(const Router& router, const StaticFiles& site, PipelineOptions options);

  // Whether the request goes to the router (API and other registered paths), whose handlers may
  // block on the database and so must run on the worker pool, not on an I/O thread.
  bool needs_worker(const Request& request) const;

  // A route's own body limit (see Router::limit_body); nullptr: the server's default applies.
  const BodyLimit* body_limit_for(std::string_view method, std::string_view target) const {
    return router_.body_limit_for(method, target);
  }
  std::size_t largest_body_limit() const { return router_.largest_body_limit(); }

  // The complete response, security headers included. Never throws for a handler's failure.
  // First replaces request.remote_address (the TCP peer) with the client's address.
  Response handle(Request& request) const;

  // Adds the headers every response carries; for responses made outside handle() (e.g. 413 from
  // the transport).
  void finish(std::string_view path, Response& response) const;

 private:
  const Router& router_;
  const StaticFiles& site_;
  PipelineOptions options_;
  std::string csp_;
};

}  // namespace cdscb::server::http
