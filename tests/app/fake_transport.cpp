// Unit tests answer the app's API requests themselves: this records what would go on the wire.
#include "tests/app/fake_transport.h"

namespace cdscb::app::api {

void start_request(const std::string& request_id, std::string_view method, std::string_view path,
                   std::string_view json_body, std::string_view idempotency_key) {
  fake::sent().push_back({request_id, std::string(method), std::string(path),
                          std::string(json_body), std::string(idempotency_key)});
}

}  // namespace cdscb::app::api

namespace cdscb::app::fake {

std::vector<SentRequest>& sent() {
  static std::vector<SentRequest> requests;
  return requests;
}

}  // namespace cdscb::app::fake
