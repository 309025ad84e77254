#pragma once
// VietQR: the NAPAS EMVCo merchant-presented QR that every Vietnamese bank app scans to make a
// transfer of a fixed amount to the province's collection account, with the order code as the
// transfer's purpose (the collecting bank's notification brings it back to match the order).
// EMVCo writes each field as ID (2 digits), length (2 digits) and value; the payload ends with a
// CRC-16/CCITT-FALSE over everything before it, "6304" included.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cdscb::core {

struct VietQrTransfer {
  std::string bank_bin;         // the collecting bank's NAPAS BIN, 6 digits (e.g. "970415")
  std::string account;          // the collection account number, up to 19 letters and digits
  std::int64_t amount_vnd = 0;  // whole đồng, > 0
  std::string purpose;          // the order code, ASCII letters and digits, up to 25
};

// The payload of a dynamic QR (point of initiation "12"), service QRIBFTTA (transfer to an
// account), currency 704, country VN; nullopt when a field breaks the rules above.
std::optional<std::string> vietqr_payload(const VietQrTransfer& transfer);

// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final xor).
std::uint16_t crc16_ccitt_false(std::string_view bytes);

// The top-level fields of an EMVCo payload by ID ("54" → "120000"); nullopt when the payload
// is not a well-formed sequence of fields or its CRC (field 63) does not match.
std::optional<std::map<std::string, std::string>> read_emv_fields(std::string_view payload);

// The same for a template field's value (IDs "38" and "62" hold fields of their own); no CRC.
std::optional<std::map<std::string, std::string>> read_emv_template(std::string_view value);

}  // namespace cdscb::core
