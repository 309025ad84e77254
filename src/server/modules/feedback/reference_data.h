// Agencies, feedback fields and holidays: seeded from CSV files an official can edit
// (data/agencies.csv, data/feedback_fields.csv) and read by every feedback route.
//
// Loading at start-up upserts by code: a new code is inserted, and a row from the file replaces the
// stored row only while no admin has edited it (edited_at IS NULL). Why: the file is the way to
// ship corrections and new fields with a release, but an admin who changed a deadline or an
// agency through the API made a deliberate decision for this installation, which a restart must
// not undo. Rows are never deleted, since feedback refers to them; a code removed from the file
// simply stays as it is.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"

namespace soci {
class session;
}

namespace cdscb::server::feedback {

struct FieldInfo {
  std::string code;
  std::string name;
  std::string agency;
  std::string agency_name;
  int answer_days = 10;
  bool publish_by_default = false;
};

// The rows of a seed CSV file after its header (core::parse_csv: a BOM is accepted, each row knows
// its line); throws std::runtime_error when unreadable or malformed (see fail_at_line).
std::vector<core::CsvRow> read_reference_rows(const std::filesystem::path& path);

// Throws std::runtime_error "<file> line <n>: <what>" for a malformed row of a seed file.
[[noreturn]] void fail_at_line(const std::filesystem::path& path, std::size_t line,
                               const std::string& what);

// Upserts the files' rows (agencies, fields, then holidays.csv: see holidays.h) as described above;
// throws std::runtime_error naming the file and line of a malformed row (unknown agency code, bad
// number).
void load_reference_data(soci::session& sql, const std::filesystem::path& data_dir);

std::vector<FieldInfo> list_fields(soci::session& sql);
std::optional<FieldInfo> find_field(soci::session& sql, const std::string& code);
// The agency's name; nullopt for an unknown code.
std::optional<std::string> agency_name(soci::session& sql, const std::string& code);

}  // namespace cdscb::server::feedback
