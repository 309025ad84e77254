#include "modules/news/fetch.h"

#include <stdexcept>
#include <utility>

namespace cdscb::server::news {

Fetch http_fetch(std::string ca_file, integrations::AddressPolicy addresses) {
  return [ca_file = std::move(ca_file), addresses = std::move(addresses)](const std::string& url,
                                                                          std::size_t max_bytes) {
    const auto parsed = integrations::parse_http_url(url);
    if (!parsed) throw std::runtime_error("not an http(s) URL: " + url);
    integrations::HttpCall call;
    call.headers = {{"Accept", "application/rss+xml, application/atom+xml, text/xml, image/*, */*"},
                    {"User-Agent", "cdscb-server (Cong dan so Cao Bang)"}};
    call.max_reply_body = max_bytes;
    call.ca_file = ca_file;
    call.addresses = addresses;
    return integrations::http_call(*parsed, call);
  };
}

}  // namespace cdscb::server::news
