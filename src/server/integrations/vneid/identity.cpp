#include "integrations/vneid/identity.h"

#include <algorithm>
#include <chrono>
#include <string_view>

#include "integrations/vneid/errors.h"
#include "util/strings.h"

namespace cdscb::server::integrations::vneid {
namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool has_control_characters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c < 0x20 || c == 0x7F;
  });
}

// A claim that is a string, trimmed, non-empty, at most `max_bytes` and free of control
// characters; nullopt otherwise.
std::optional<std::string> text_claim(const nlohmann::json& claims, std::string_view name,
                                      std::size_t max_bytes) {
  const auto it = claims.find(name);
  if (it == claims.end() || !it->is_string()) return std::nullopt;
  const std::string_view value = util::trim(it->get_ref<const std::string&>());
  if (value.empty() || value.size() > max_bytes || has_control_characters(value)) {
    return std::nullopt;
  }
  return std::string(value);
}

std::optional<std::string> level_claim(const nlohmann::json& claims, std::string_view name) {
  const auto it = claims.find(name);
  if (it == claims.end()) return std::nullopt;
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return text_claim(claims, name, 16);
}

}  // namespace

nlohmann::json merge_claims(const nlohmann::json& id_token_claims, const nlohmann::json& userinfo) {
  nlohmann::json merged = id_token_claims.is_object() ? id_token_claims : nlohmann::json::object();
  if (userinfo.is_object()) {
    for (const auto& [name, value] : userinfo.items()) merged[name] = value;
  }
  return merged;
}

std::optional<std::string> iso_date_from_vneid(std::string_view s) {
  if (s.size() != 8 || !all_digits(s)) return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t length) {
    return std::stoi(std::string(s.substr(at, length)));
  };
  const std::chrono::year_month_day date{std::chrono::year{number(0, 4)},
                                         std::chrono::month{static_cast<unsigned>(number(4, 2))},
                                         std::chrono::day{static_cast<unsigned>(number(6, 2))}};
  if (!date.ok() || date.year() < std::chrono::year{1900}) return std::nullopt;
  return std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
         std::string(s.substr(6, 2));
}

VneidIdentity identity_from_claims(const nlohmann::json& claims) {
  VneidIdentity identity;
  const auto sub = claims.find("sub");
  if (sub == claims.end() || !sub->is_string() || sub->get_ref<const std::string&>().empty()) {
    throw OidcError(OidcErrorCode::bad_claims, "sub missing");
  }
  identity.sub = sub->get<std::string>();
  // A string on purpose: as a number the leading zeros of the province code would be lost.
  const auto number = claims.find("SoDinhDanh");
  if (number == claims.end() || !number->is_string() ||
      number->get_ref<const std::string&>().size() != 12 ||
      !all_digits(number->get_ref<const std::string&>())) {
    throw OidcError(OidcErrorCode::bad_claims, "SoDinhDanh missing or not 12 digits");
  }
  identity.so_dinh_danh = number->get<std::string>();
  auto name = text_claim(claims, "HoVaTen", 200);
  if (!name) throw OidcError(OidcErrorCode::bad_claims, "HoVaTen missing or invalid");
  identity.ho_va_ten = std::move(*name);
  if (const auto birth = text_claim(claims, "NgayThangNamSinh", 8)) {
    identity.ngay_sinh = iso_date_from_vneid(*birth);
  }
  identity.gioi_tinh = text_claim(claims, "GioiTinh", 32);
  identity.so_dien_thoai = text_claim(claims, "SoDienThoai", 32);
  identity.thu_dien_tu = text_claim(claims, "ThuDienTu", 254);
  identity.thuong_tru = text_claim(claims, "ThuongTru", 500);
  identity.assurance_level = level_claim(claims, "loAs");
  if (!identity.assurance_level) identity.assurance_level = level_claim(claims, "IAL");
  return identity;
}

}  // namespace cdscb::server::integrations::vneid
