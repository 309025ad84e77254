#include "core/vietqr.h"

#include <algorithm>
#include <cstdio>

namespace cdscb::core {
namespace {

// ID, two-digit length, value; callers keep values under 100 bytes.
std::string field(std::string_view id, std::string_view value) {
  char length[3];
  std::snprintf(length, sizeof length, "%02zu", value.size());
  return std::string(id) + length + std::string(value);
}

bool all_of(std::string_view text, bool (*ok)(char)) {
  return std::all_of(text.begin(), text.end(), ok);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_alnum(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

std::optional<std::map<std::string, std::string>> read_fields(std::string_view text) {
  std::map<std::string, std::string> fields;
  size_t i = 0;
  while (i < text.size()) {
    if (i + 4 > text.size() || !is_digit(text[i]) || !is_digit(text[i + 1]) ||
        !is_digit(text[i + 2]) || !is_digit(text[i + 3]))
      return std::nullopt;
    const std::string id(text.substr(i, 2));
    const size_t length = (text[i + 2] - '0') * 10 + (text[i + 3] - '0');
    if (i + 4 + length > text.size() || fields.count(id)) return std::nullopt;
    fields[id] = std::string(text.substr(i + 4, length));
    i += 4 + length;
  }
  return fields;
}

}  // namespace

std::uint16_t crc16_ccitt_false(std::string_view bytes) {
  std::uint16_t crc = 0xFFFF;
  for (unsigned char byte : bytes) {
    crc ^= static_cast<std::uint16_t>(byte) << 8;
    for (int bit = 0; bit < 8; ++bit)
      crc = (crc & 0x8000) ? static_cast<std::uint16_t>((crc << 1) ^ 0x1021)
                           : static_cast<std::uint16_t>(crc << 1);
  }
  return crc;
}

std::optional<std::string> vietqr_payload(const VietQrTransfer& t) {
  if (t.bank_bin.size() != 6 || !all_of(t.bank_bin, is_digit)) return std::nullopt;
  if (t.account.empty() || t.account.size() > 19 || !all_of(t.account, is_alnum))
    return std::nullopt;
  if (t.purpose.empty() || t.purpose.size() > 25 || !all_of(t.purpose, is_alnum))
    return std::nullopt;
  if (t.amount_vnd <= 0 || t.amount_vnd > 9'999'999'999'999LL) return std::nullopt;  // 13 digits
  const std::string beneficiary = field("00", t.bank_bin) + field("01", t.account);
  const std::string merchant =
      field("00", "A000000727") + field("01", beneficiary) + field("02", "QRIBFTTA");
  std::string payload = field("00", "01") + field("01", "12") + field("38", merchant) +
                        field("53", "704") + field("54", std::to_string(t.amount_vnd)) +
                        field("58", "VN") + field("62", field("08", t.purpose)) + "6304";
  char crc[5];
  std::snprintf(crc, sizeof crc, "%04X", crc16_ccitt_false(payload));
  return payload + crc;
}

std::optional<std::map<std::string, std::string>> read_emv_fields(std::string_view payload) {
  // The CRC field is last and four hex digits long.
  if (payload.size() < 8 || payload.substr(payload.size() - 8, 4) != "6304") return std::nullopt;
  const std::string_view covered = payload.substr(0, payload.size() - 4);
  char crc[5];
  std::snprintf(crc, sizeof crc, "%04X", crc16_ccitt_false(covered));
  std::string given(payload.substr(payload.size() - 4));
  std::transform(given.begin(), given.end(), given.begin(), ::toupper);
  if (given != crc) return std::nullopt;
  return read_fields(payload);
}

std::optional<std::map<std::string, std::string>> read_emv_template(std::string_view value) {
  return read_fields(value);
}

}  // namespace cdscb::core
