#include "modules/agencies/store.h"

#include <algorithm>
#include <set>

#include "core/communes.h"
#include "core/text.h"
#include "db/in_list.h"
#include "util/seed_file.h"

namespace cdscb::server::agencies {

void load(soci::session& sql, const std::filesystem::path& csv) {
  std::set<std::string> seen;
  std::size_t last_line = 0;
  for (const core::CsvRow& row : util::read_seed_rows(csv)) {
    const auto& field = row.fields;
    last_line = row.line;
    if (field.size() < 2 || !core::is_agency_code(field[0]) || field[1].empty()) {
      util::fail_at_line(csv, row.line, "expected code,name with a lower-case ASCII code");
    }
    if (!seen.insert(field[0]).second) util::fail_at_line(csv, row.line, "duplicate " + field[0]);
    int count = 0;
    sql << "SELECT COUNT(*) FROM agencies WHERE code = :code", soci::use(field[0]),
        soci::into(count);
    if (count == 0) {
      sql << "INSERT INTO agencies (code, name) VALUES (:code, :name)", soci::use(field[0]),
          soci::use(field[1]);
    } else {
      sql << "UPDATE agencies SET name = :name WHERE code = :code AND edited_at IS NULL",
          soci::use(field[1]), soci::use(field[0]);
    }
  }
  // Feedback about a place goes to its commune's committee, so every commune must have one.
  for (const core::Commune& commune : core::communes()) {
    const std::string code = core::commune_agency_code(commune.code);
    if (!seen.count(code)) util::fail_at_line(csv, last_line, "no row for " + code);
  }
}

std::vector<core::Agency> list(soci::session& sql) {
  std::vector<core::Agency> out;
  core::Agency agency;
  soci::statement statement = (sql.prepare << "SELECT code, name FROM agencies",
                               soci::into(agency.code), soci::into(agency.name));
  statement.execute();
  while (statement.fetch()) out.push_back(agency);
  // Provincial bodies first, then the communes' committees; each alphabetical with diacritics
  // folded, so "UBND xã Đức Long" sorts among the D's rather than after "Z" as bytes would.
  const auto key = [](const core::Agency& a) {
    return std::pair(core::is_commune_agency_code(a.code), core::fold_for_search(a.name));
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const core::Agency& a, const core::Agency& b) { return key(a) < key(b); });
  return out;
}

std::optional<std::string> name_of(soci::session& sql, const std::string& code) {
  std::string name;
  sql << "SELECT name FROM agencies WHERE code = :code", soci::use(code), soci::into(name);
  if (!sql.got_data()) return std::nullopt;
  return name;
}

std::map<std::string, std::string> names_of(soci::session& sql,
                                            const std::set<std::string>& codes) {
  std::map<std::string, std::string> out;
  if (codes.empty()) return out;
  std::vector<std::string> values(codes.begin(), codes.end());
  std::string code, name;
  soci::statement statement(sql);
  for (std::string& value : values) statement.exchange(soci::use(value));
  statement.exchange(soci::into(code));
  statement.exchange(soci::into(name));
  statement.alloc();
  statement.prepare("SELECT code, name FROM agencies WHERE code IN (" +
                    db::in_placeholders(values.size()) + ")");
  statement.define_and_bind();
  statement.execute();
  while (statement.fetch()) out[code] = name;
  return out;
}

}  // namespace cdscb::server::agencies
