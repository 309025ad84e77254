#pragma once
// The government bodies an official belongs to (users.agency, and where feedback is sent): the
// province's departments and the People's Committee of each of the 56 communes and wards.
// Shared by the server and the app; no I/O.
#include <string>
#include <string_view>
#include <vector>

namespace cdscb::core {

struct Agency {
  std::string code;  // stable ASCII slug, e.g. "so-y-te", "ubnd-phuong-thuc-phan"
  std::string name;  // as written officially, e.g. "Sở Y tế", "UBND phường Thục Phán"
};

// The 14 provincial bodies first (in the order of Decree 45/2025/NĐ-CP, police last), then
// "ubnd-" + each commune's code, in the order of core::communes().
const std::vector<Agency>& agencies();

// The agency with `code`, or nullptr.
const Agency* find_agency(std::string_view code);

// A provincial body's code or "ubnd-" + one of the 56 commune codes (what users.agency and
// feedback fields hold).
bool is_agency_code(std::string_view code);

inline constexpr std::string_view kAgencyUnknown = "validation.agency_unknown";

}  // namespace cdscb::core
