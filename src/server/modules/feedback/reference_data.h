// Feedback fields: seeded from a CSV file an official can edit (data/feedback_fields.csv; each
// names its agency, which the agencies module must know, so agencies load first) and read by
// every feedback route.
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

// Upserts the file's rows as described above;
// throws std::runtime_error naming the file and line of a malformed row (unknown agency code, bad
// number).
void load_reference_data(soci::session& sql, const std::filesystem::path& data_dir);

std::vector<FieldInfo> list_fields(soci::session& sql);
std::optional<FieldInfo> find_field(soci::session& sql, const std::string& code);

}  // namespace cdscb::server::feedback
