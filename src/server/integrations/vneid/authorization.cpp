#include "integrations/vneid/authorization.h"

#include "integrations/vneid/encoding.h"

namespace cdscb::server::integrations::vneid {

std::string authorization_url(const OidcConfig& config, std::string_view authorization_endpoint,
                              std::string_view state, std::string_view nonce,
                              std::string_view code_challenge) {
  return with_query(authorization_endpoint, {
                                                {"response_type", "code"},
                                                {"client_id", config.client_id},
                                                {"redirect_uri", config.redirect_uri},
                                                {"scope", config.scopes},
                                                {"state", std::string(state)},
                                                {"nonce", std::string(nonce)},
                                                {"code_challenge", std::string(code_challenge)},
                                                {"code_challenge_method", "S256"},
                                            });
}

}  // namespace cdscb::server::integrations::vneid
