// Shared plumbing for the calls to the provider: transport failures and JSON bodies become
// OidcErrors with the caller's code.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "integrations/vneid/errors.h"
#include "integrations/vneid/http_fetch.h"

namespace cdscb::server::integrations::vneid {

// The value of the first header called `name` (case-insensitive), or empty.
std::string_view find_header(const HeaderList& headers, std::string_view name);

// Runs `fetch`; a thrown exception or a non-empty `error` becomes OidcError(network).
OutboundResponse fetch_or_throw(const HttpFetch& fetch, const OutboundRequest& request);

// `body` parsed as a JSON object; OidcError(`code`) naming `what` otherwise.
nlohmann::json parse_json_object(std::string_view body, OidcErrorCode code, std::string_view what);

// The member `name` when it is a non-empty string; nullptr otherwise.
const std::string* string_member(const nlohmann::json& object, std::string_view name);

// Provider-supplied text fit for our log and answers: at most `max_bytes`, cut on a UTF-8
// boundary, control characters replaced by spaces.
std::string bounded_text(std::string_view text, std::size_t max_bytes);

}  // namespace cdscb::server::integrations::vneid
