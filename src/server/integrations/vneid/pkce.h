// PKCE (RFC 7636) with S256, and the random `state` and `nonce` of a login attempt.
#pragma once

#include <string>
#include <string_view>

namespace cdscb::server::integrations::vneid {

// base64url of `bytes` random bytes from the OS generator (libsodium).
std::string random_url_token(std::size_t bytes = 32);

// A fresh code verifier: 43 characters from 32 random bytes.
std::string make_code_verifier();

// Whether `verifier` is 43–128 characters of ALPHA / DIGIT / "-" / "." / "_" / "~" (§4.1).
bool is_valid_code_verifier(std::string_view verifier);

// BASE64URL(SHA256(verifier)), the S256 code_challenge (§4.2).
std::string code_challenge_s256(std::string_view verifier);

// Unguessable values binding the callback to this browser (state) and the ID token to this
// attempt (nonce); 256 bits each.
std::string make_state();
std::string make_nonce();

}  // namespace cdscb::server::integrations::vneid
