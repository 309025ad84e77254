// VNPay 2.1.0's checksum of a payment URL, Return URL and IPN (vnp_SecureHash): HMAC-SHA512 over
// the vnp_ parameters sorted by name, empty ones dropped, each written name=ENC(value) and joined
// with '&', where ENC is application/x-www-form-urlencoded (what VNPay's own samples use: Java's
// URLEncoder, PHP's urlencode). See sandbox/vnpay/README.md, which plays the gateway.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace cdscb::server::integrations::vnpay {

// Parameters by name; std::map keeps them sorted by byte order, as the checksum needs.
using Params = std::map<std::string, std::string>;

// A–Z a–z 0–9 - _ . * unchanged, space as '+', every other byte %XX in upper-case hex.
std::string form_encode(std::string_view value);

// The string the checksum covers: the vnp_ parameters except vnp_SecureHash and
// vnp_SecureHashType, non-empty, sorted, "name=ENC(value)" joined with '&'.
std::string hash_data(const Params& params);

// The query string the browser follows: hash_data(params) + "&vnp_SecureHash=<hex>".
std::string signed_query(const Params& params, std::string_view secret);

// True when params' vnp_SecureHash is the checksum of the others under `secret` (compared in
// constant time, hex in either case).
bool verify(const Params& params, std::string_view secret);

}  // namespace cdscb::server::integrations::vnpay
