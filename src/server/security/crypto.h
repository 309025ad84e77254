// Small libsodium wrappers: random tokens and codes, SHA-256 and constant-time comparison.
#pragma once

#include <string>
#include <string_view>

namespace cdscb::server::security {

// Initialises libsodium (safe to call any number of times, from any thread). Throws
// std::runtime_error when the library cannot start, which leaves no safe randomness.
void init_sodium();

// `bytes` random bytes from the OS generator, as unpadded base64url (43 characters for 32 bytes).
std::string random_token(std::size_t bytes = 32);

// `count` uniformly random decimal digits, e.g. a one-time code "042917".
std::string random_digits(int count);

// SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

// Equality that takes the same time wherever the first difference is (lengths are not secret).
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace cdscb::server::security
