#include "integrations/vneid/http_fetch_adapter.h"

#include <exception>

#include "integrations/http_client.h"

namespace cdscb::server::integrations::vneid {

HttpFetch make_http_fetch(std::chrono::milliseconds timeout, std::string ca_file,
                          AddressPolicy addresses) {
  return [timeout, ca_file = std::move(ca_file),
          addresses = std::move(addresses)](const OutboundRequest& request) {
    OutboundResponse response;
    const auto url = parse_http_url(request.url);
    if (!url) {
      response.error = "unsupported URL (only http:// and https://): " + request.url;
      return response;
    }
    HttpCall call;
    call.method = request.method;
    call.headers = request.headers;
    call.body = request.body;
    call.timeout = timeout;
    call.ca_file = ca_file;
    call.addresses = addresses;
    try {
      HttpReply reply = http_call(*url, call);
      response.status = reply.status;
      response.body = std::move(reply.body);
    } catch (const std::exception& e) {
      response.error = e.what();
    }
    return response;
  };
}

}  // namespace cdscb::server::integrations::vneid
