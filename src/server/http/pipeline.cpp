#include "http/pipeline.h"

#include "http/client_address.h"
#include "http/middleware.h"

namespace cdscb::server::http {

Pipeline::Pipeline(const Router& router, const StaticFiles& site, PipelineOptions options)
    : router_(router),
      site_(site),
      options_(std::move(options)),
      csp_(content_security_policy(options_.tile_origin)) {}

bool Pipeline::needs_worker(const Request& request) const {
  return is_api_path(request.path) ||
         router_.matches(request.target.empty() ? request.path : request.target);
}

Response Pipeline::handle(Request& request) const {
  if (!request.remote_address.empty()) {
    request.remote_address =
        client_address(request.remote_address, request.headers, options_.trusted_proxies);
  }
  Response response;
  if (auto refused = check_origin(request, options_.public_origin)) {
    response = std::move(*refused);
  } else if (needs_worker(request)) {
    response = router_.dispatch(request);
  } else {
    response = site_.serve(request);
  }
  if (request.method == "HEAD") strip_body_for_head(response);
  finish(request.path, response);
  return response;
}

void Pipeline::finish(std::string_view path, Response& response) const {
  apply_security_headers(response, csp_);
  // API answers are per user and per moment; a handler that wants caching says so itself.
  if (is_api_path(path) && !response.headers.has("Cache-Control")) {
    response.headers.set("Cache-Control", "no-store");
  }
}

}  // namespace cdscb::server::http
