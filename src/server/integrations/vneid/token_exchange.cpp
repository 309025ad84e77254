#include "integrations/vneid/token_exchange.h"

#include "integrations/vneid/encoding.h"
#include "integrations/vneid/errors.h"
#include "integrations/vneid/transport.h"
#include "util/strings.h"

namespace cdscb::server::integrations::vneid {
namespace {

[[noreturn]] void throw_provider_refusal(const OutboundResponse& response) {
  const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  const std::string* error = body.is_object() ? string_member(body, "error") : nullptr;
  const std::string* description =
      body.is_object() ? string_member(body, "error_description") : nullptr;
  const std::string shown = error != nullptr ? " " + bounded_text(*error, 64) : "";
  throw OidcError(OidcErrorCode::token_error,
                  "token endpoint answered HTTP " + std::to_string(response.status) + shown,
                  error != nullptr ? bounded_text(*error, 64) : "",
                  description != nullptr ? bounded_text(*description, 300) : "");
}

}  // namespace

OutboundRequest token_request(const OidcConfig& config, const std::string& token_endpoint,
                              std::string_view code, std::string_view code_verifier) {
  OutboundRequest request;
  request.method = "POST";
  request.url = token_endpoint;
  request.headers = {
      {"Content-Type", "application/x-www-form-urlencoded"},
      {"Accept", "application/json"},
      {"Authorization", basic_authorization(config.client_id, config.client_secret)},
  };
  request.body = form_encode({
      {"grant_type", "authorization_code"},
      {"code", std::string(code)},
      {"redirect_uri", config.redirect_uri},
      {"code_verifier", std::string(code_verifier)},
  });
  return request;
}

TokenResponse exchange_code(const HttpFetch& fetch, const OidcConfig& config,
                            const std::string& token_endpoint, std::string_view code,
                            std::string_view code_verifier) {
  const OutboundResponse response =
      fetch_or_throw(fetch, token_request(config, token_endpoint, code, code_verifier));
  if (response.status != 200) throw_provider_refusal(response);
  const nlohmann::json body =
      parse_json_object(response.body, OidcErrorCode::bad_token_response, "token response");
  const std::string* access_token = string_member(body, "access_token");
  const std::string* id_token = string_member(body, "id_token");
  const std::string* token_type = string_member(body, "token_type");
  if (access_token == nullptr || id_token == nullptr) {
    throw OidcError(OidcErrorCode::bad_token_response, "token response lacks access or ID token");
  }
  if (token_type == nullptr || !util::iequals(*token_type, "Bearer")) {
    throw OidcError(OidcErrorCode::bad_token_response, "token_type is not Bearer");
  }
  return {*access_token, *id_token, *token_type};
}

}  // namespace cdscb::server::integrations::vneid
