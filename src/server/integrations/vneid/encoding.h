// The encodings OpenID Connect speaks: base64url for JOSE and PKCE, percent-encoding for URLs and
// form bodies, and HTTP Basic client authentication.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdscb::server::integrations::vneid {

// Unpadded base64url (RFC 7515 §2).
std::string base64url_encode(std::string_view bytes);

// Strict unpadded base64url: nullopt for padding, whitespace, other characters or stray bits.
std::optional<std::string> base64url_decode(std::string_view text);

// Percent-encodes every byte except the unreserved ALPHA / DIGIT / "-" / "." / "_" / "~".
// With `space_as_plus` a space becomes "+" (application/x-www-form-urlencoded).
std::string percent_encode(std::string_view text, bool space_as_plus = false);

using FormFields = std::vector<std::pair<std::string, std::string>>;

// "a=1&b=2" with names and values form-encoded (space as "+").
std::string form_encode(const FormFields& fields);

// `url` with `fields` appended as its query (after "&" when it already has one); spaces as %20.
std::string with_query(std::string_view url, const FormFields& fields);

// "Basic " + base64(form-encode(id) ":" form-encode(secret)), as RFC 6749 §2.3.1 asks, so a
// secret holding ":" or non-ASCII characters arrives intact.
std::string basic_authorization(std::string_view client_id, std::string_view client_secret);

}  // namespace cdscb::server::integrations::vneid
