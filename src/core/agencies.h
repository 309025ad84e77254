#pragma once
// Agency codes, shared by feedback, the directory and officials' accounts (users.agency): the
// provincial bodies and each commune's People's Committee ("ubnd-" + commune code). The codes are
// the contract between modules; the names live in data/agencies.csv, which officials may edit.
#include <span>
#include <string_view>

namespace core {

// The provincial bodies' codes, e.g. "so-xay-dung".
std::span<const std::string_view> provincial_agency_codes();

// A provincial body's code or "ubnd-" + one of the 56 commune codes.
bool is_agency_code(std::string_view code);

inline constexpr std::string_view kAgencyUnknown =
    "Mã cơ quan không hợp lệ (ví dụ: so-xay-dung, ubnd-phuong-thuc-phan).";

}  // namespace core
