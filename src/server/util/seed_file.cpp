#include "util/seed_file.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "util/vietnamese.h"

namespace cdscb::server::util {

void fail_at_line(const std::filesystem::path& path, std::size_t line, const std::string& what) {
  throw std::runtime_error(path.filename().string() + " line " + std::to_string(line) + ": " +
                           what);
}

std::vector<core::CsvRow> read_seed_rows(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  core::CsvTable table = core::parse_csv(text.str());
  if (!table.errors.empty())
    fail_at_line(path, table.errors[0].line, vietnamese(table.errors[0].message));
  if (!table.rows.empty()) table.rows.erase(table.rows.begin());  // the header
  return std::move(table.rows);
}

}  // namespace cdscb::server::util
