#pragma once
// The rules for the government bodies an official belongs to (users.agency, and where feedback
// and dossiers are sent). The bodies themselves are data: data/agencies.csv, loaded by the
// server's agencies module and served to the app by GET /api/v1/agencies. Shared by the server
// and the app; no I/O.
#include <string>
#include <string_view>

namespace cdscb::core {

struct Agency {
  std::string code;  // stable ASCII slug, e.g. "so-y-te", "ubnd-phuong-thuc-phan"
  std::string name;  // as written officially, e.g. "Sở Y tế", "UBND phường Thục Phán"
};

// The shape of an agency code: 2 to 64 of a-z, 0-9 and inner single hyphens ("so-y-te"). Whether
// the agency exists is the database's answer, not core's.
bool is_agency_code(std::string_view code);

// The People's Committee of a commune or ward: "ubnd-" + the commune's code (core/communes.h).
std::string commune_agency_code(std::string_view commune_code);
bool is_commune_agency_code(std::string_view code);

inline constexpr std::string_view kAgencyUnknown = "validation.agency_unknown";

}  // namespace cdscb::core
