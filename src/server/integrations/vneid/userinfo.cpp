#include "integrations/vneid/userinfo.h"

#include "integrations/vneid/errors.h"
#include "integrations/vneid/transport.h"

namespace cdscb::server::integrations::vneid {

nlohmann::json fetch_userinfo(const HttpFetch& fetch, const std::string& userinfo_endpoint,
                              std::string_view access_token, std::string_view expected_sub) {
  OutboundRequest request;
  request.url = userinfo_endpoint;
  request.headers = {{"Authorization", "Bearer " + std::string(access_token)},
                     {"Accept", "application/json"}};
  const OutboundResponse response = fetch_or_throw(fetch, request);
  if (response.status != 200) {
    throw OidcError(OidcErrorCode::userinfo_error,
                    "userinfo answered HTTP " + std::to_string(response.status));
  }
  nlohmann::json claims =
      parse_json_object(response.body, OidcErrorCode::userinfo_error, "userinfo response");
  const std::string* sub = string_member(claims, "sub");
  if (sub == nullptr || *sub != expected_sub) {
    throw OidcError(OidcErrorCode::userinfo_sub_mismatch,
                    "userinfo sub differs from the ID token's");
  }
  return claims;
}

}  // namespace cdscb::server::integrations::vneid
