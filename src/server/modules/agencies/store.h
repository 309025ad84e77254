// The government bodies officials belong to and feedback and dossiers are sent to: the province's
// departments and the People's Committee of each of the 56 communes and wards. One source:
// data/agencies.csv, loaded at start into the `agencies` table (this module's table); every other
// module and the app (GET /api/v1/agencies) read it from there. Core holds only the rules
// (core/agencies.h: the shape of a code, the code of a commune's committee).
#pragma once

#include <soci/soci.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/agencies.h"

namespace cdscb::server::agencies {

// Inserts new rows of `csv` (code,name) and renames existing ones. Throws std::runtime_error,
// naming the line, for a malformed row or code, a duplicate, or a commune with no committee.
void load(soci::session& sql, const std::filesystem::path& csv);

// Every agency: provincial bodies first, then the communes' committees, each alphabetical.
std::vector<core::Agency> list(soci::session& sql);

// The name of the agency `code`, or nothing when there is none.
std::optional<std::string> name_of(soci::session& sql, const std::string& code);
// name_of for each of `codes` that exists, in one query (for a list's page).
std::map<std::string, std::string> names_of(soci::session& sql, const std::set<std::string>& codes);

}  // namespace cdscb::server::agencies
