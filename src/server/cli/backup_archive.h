// The backup file: a POSIX tar (libarchive) of named members, each a file on disk, followed by
// "manifest.json" listing every member with its size and SHA-256, so a restore checks the whole
// file before it changes anything.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace cdscb::server::cli {

class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ArchiveMember {
  std::string name;  // "database.sqlite3", "media/ab/cd.jpg": relative, '/'-separated
  std::filesystem::path file;
};

// Writes `members` and then "manifest.json" (`manifest` plus "members": [{name, bytes, sha256}])
// to `to`. Throws ArchiveError.
void write_archive(const std::filesystem::path& to, const std::vector<ArchiveMember>& members,
                   nlohmann::json manifest);

// Extracts every member of `from` under `dir` and checks them against the manifest (every member
// listed, same size and SHA-256, nothing else, no name leaving `dir`). Returns the manifest.
// Throws ArchiveError.
nlohmann::json extract_archive(const std::filesystem::path& from, const std::filesystem::path& dir);

}  // namespace cdscb::server::cli
