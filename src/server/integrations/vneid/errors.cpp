#include "integrations/vneid/errors.h"

namespace cdscb::server::integrations::vneid {

std::string_view code_name(OidcErrorCode code) {
  switch (code) {
    case OidcErrorCode::network:
      return "network";
    case OidcErrorCode::bad_discovery:
      return "bad_discovery";
    case OidcErrorCode::wrong_issuer:
      return "wrong_issuer";
    case OidcErrorCode::token_error:
      return "token_error";
    case OidcErrorCode::bad_token_response:
      return "bad_token_response";
    case OidcErrorCode::bad_jwks:
      return "bad_jwks";
    case OidcErrorCode::malformed:
      return "malformed";
    case OidcErrorCode::bad_alg:
      return "bad_alg";
    case OidcErrorCode::unknown_kid:
      return "unknown_kid";
    case OidcErrorCode::bad_signature:
      return "bad_signature";
    case OidcErrorCode::wrong_audience:
      return "wrong_audience";
    case OidcErrorCode::expired:
      return "expired";
    case OidcErrorCode::not_yet_valid:
      return "not_yet_valid";
    case OidcErrorCode::wrong_nonce:
      return "wrong_nonce";
    case OidcErrorCode::userinfo_error:
      return "userinfo_error";
    case OidcErrorCode::userinfo_sub_mismatch:
      return "userinfo_sub_mismatch";
    case OidcErrorCode::bad_claims:
      return "bad_claims";
    case OidcErrorCode::invalid_argument:
      return "invalid_argument";
  }
  return "unknown";
}

OidcError::OidcError(OidcErrorCode code, const std::string& detail, std::string provider_error,
                     std::string provider_error_description)
    : std::runtime_error("vneid " + std::string(code_name(code)) + ": " + detail),
      code_(code),
      provider_error_(std::move(provider_error)),
      provider_error_description_(std::move(provider_error_description)) {}

}  // namespace cdscb::server::integrations::vneid
