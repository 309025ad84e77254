// The directory's records in the database (table directory_records, migration 9), kept in the
// order of the CSV an office maintains. The CSV in data/ seeds an empty installation once; from
// then on the database is the source, edited by admins.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/directory.h"
#include "db/database.h"

namespace soci {
class session;
}

namespace cdscb::server::directory {

// Every record, in directory order.
std::vector<core::DirectoryRecord> load_all(soci::session& sql);

std::optional<core::DirectoryRecord> find_record(soci::session& sql, const std::string& code);

enum class Saved { kCreated, kUpdated, kUnchanged };

// Inserts (at the end of the directory) or updates the record with its code.
Saved save_record(soci::session& sql, const core::DirectoryRecord& record, long long now);

// False when there was no such record.
bool delete_record(soci::session& sql, const std::string& code);

struct ImportCounts {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  int deleted = 0;
};

// Makes the directory exactly `records`, in their order. Run it inside a transaction, so that a
// failure changes nothing.
ImportCounts replace_all(soci::session& sql, const std::vector<core::DirectoryRecord>& records,
                         long long now);

// On the first start (app_meta has no "directory_seeded"), loads `csv_path` into the directory.
// A missing or malformed file is logged, with its bad lines, and tried again next start.
void seed_if_new(db::Database& database, const std::filesystem::path& csv_path, long long now);

// The record as the API shows it (phones as digits, location null when unknown).
nlohmann::json record_json(const core::DirectoryRecord& record);

}  // namespace cdscb::server::directory
