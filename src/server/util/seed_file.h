// Reading the CSV seed files an official can edit (data/*.csv): one reader and one error shape
// for every module that seeds its reference data from them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/csv.h"

namespace cdscb::server::util {

// The rows of a seed CSV file after its header (core::parse_csv: a BOM is accepted, each row knows
// its line); throws std::runtime_error when unreadable or malformed (see fail_at_line).
std::vector<core::CsvRow> read_seed_rows(const std::filesystem::path& path);

// Throws std::runtime_error "<file> line <n>: <what>" for a malformed row of a seed file.
[[noreturn]] void fail_at_line(const std::filesystem::path& path, std::size_t line,
                               const std::string& what);

}  // namespace cdscb::server::util
