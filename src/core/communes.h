#pragma once
// Cao Bằng's 56 commune-level units since 1 July 2025 (3 wards, 53 communes), for the address
// in a profile and, later, the directory. Shared by the server and the app; no I/O.
#include <span>
#include <string_view>

namespace cdscb::core {

struct Commune {
  std::string_view code;  // stable ASCII slug, e.g. "phuong-thuc-phan"; what profiles store
  std::string_view name;  // as written officially, e.g. "Phường Thục Phán" (NFC)
  std::string_view kind;  // "phường" or "xã"
};

// The 56 units: the wards first, then the communes, in the order of the province's list.
std::span<const Commune> communes();

// The unit with `code`, or nullptr.
const Commune* find_commune(std::string_view code);

}  // namespace cdscb::core
