// `cdscb-server backup --to FILE` and `cdscb-server restore --from FILE`: the whole state of a
// server — its database and the files under <data-dir>/media (photos, papers, results) — in one
// tar file, and back.
//   backup: runs while servers serve. The database first (one consistent snapshot, see
//     db/backup.h), then the media files; a file written after the snapshot may be in the backup
//     without a row pointing at it, never the other way round (rows are written after their
//     files). Written to FILE.partial and renamed, so FILE is complete or absent.
//   restore: servers stopped. Checks the whole file first (the manifest's sizes and SHA-256 of
//     each member), then replaces the database (SQLite: in one transaction; PostgreSQL: into an
//     empty schema) and swaps the media folder in; on any failure nothing is changed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/user_commands.h"

namespace cdscb::server {

// As run_command: nullopt when `args` names neither backup nor restore.
std::optional<int> run_backup_command(const std::vector<std::string>& args, const EnvLookup& env,
                                      CommandIo io);

}  // namespace cdscb::server
