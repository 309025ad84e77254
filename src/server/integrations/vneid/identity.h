// The citizen as VNeID describes them, from the portal's claims (SoDinhDanh, HoVaTen, ...).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace cdscb::server::integrations::vneid {

struct VneidIdentity {
  std::string sub;           // the provider's opaque subject id; not the identity number
  std::string so_dinh_danh;  // SoDinhDanh: the 12-digit personal identification number
  std::string ho_va_ten;     // HoVaTen, trimmed
  // The rest may be absent. A present but malformed value is dropped rather than failing the login:
  // the account screens let the citizen fill it in.
  std::optional<std::string> ngay_sinh;        // NgayThangNamSinh yyyyMMdd as "YYYY-MM-DD"
  std::optional<std::string> gioi_tinh;        // GioiTinh as given, e.g. "Nam", "Nữ"
  std::optional<std::string> so_dien_thoai;    // SoDienThoai as given (not normalised here)
  std::optional<std::string> thu_dien_tu;      // ThuDienTu
  std::optional<std::string> thuong_tru;       // ThuongTru, the permanent address
  std::optional<std::string> assurance_level;  // loAs, else IAL, as a string ("1", "2")
};

// The ID token's claims overlaid with userinfo's (userinfo wins where both have a claim).
nlohmann::json merge_claims(const nlohmann::json& id_token_claims, const nlohmann::json& userinfo);

// Builds the identity. Throws OidcError(bad_claims) when sub is missing, SoDinhDanh is not
// exactly 12 digits, or HoVaTen is missing, blank or not plain text.
VneidIdentity identity_from_claims(const nlohmann::json& claims);

// "yyyyMMdd" as "YYYY-MM-DD" when it is a real calendar date from 1900 on; nullopt otherwise.
std::optional<std::string> iso_date_from_vneid(std::string_view yyyymmdd);

}  // namespace cdscb::server::integrations::vneid
