// HMAC signatures of the payment partners: VNPay signs with HMAC-SHA512, the bill providers and
// the collecting bank with HMAC-SHA256. OpenSSL computes them; callers compare with
// security::constant_time_equals.
#pragma once

#include <string>
#include <string_view>

namespace cdscb::server::security {

// Lower-case hex of HMAC-SHA512(key, data).
std::string hmac_sha512_hex(std::string_view key, std::string_view data);
// Lower-case hex of HMAC-SHA256(key, data).
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

}  // namespace cdscb::server::security
