#include "modules/feedback/reference_data.h"

#include <soci/soci.h>

#include <charconv>

#include "modules/agencies/store.h"
#include "util/seed_file.h"

namespace cdscb::server::feedback {

namespace {

using util::fail_at_line;

int to_int(const std::string& text, const std::filesystem::path& path, std::size_t line) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    fail_at_line(path, line, "not a number");
  return value;
}

void load_fields(soci::session& sql, const std::filesystem::path& path) {
  int position = 0;
  for (const core::CsvRow& csv : util::read_seed_rows(path)) {
    const auto& row = csv.fields;
    if (row.size() < 5 || row[0].empty() || row[1].empty()) {
      fail_at_line(path, csv.line, "expected code,name,agency,answer_days,publish_by_default");
    }
    if (!agencies::name_of(sql, row[2])) fail_at_line(path, csv.line, "unknown agency " + row[2]);
    const int days = to_int(row[3], path, csv.line);
    const int publish = to_int(row[4], path, csv.line) != 0 ? 1 : 0;
    ++position;
    int count = 0;
    sql << "SELECT COUNT(*) FROM feedback_fields WHERE code = :code", soci::use(row[0]),
        soci::into(count);
    if (count == 0) {
      sql << "INSERT INTO feedback_fields (code, name, agency, answer_days, publish_by_default, "
             "position) VALUES (:code, :name, :agency, :days, :publish, :position)",
          soci::use(row[0]), soci::use(row[1]), soci::use(row[2]), soci::use(days),
          soci::use(publish), soci::use(position);
    } else {
      sql << "UPDATE feedback_fields SET name = :name, agency = :agency, answer_days = :days, "
             "publish_by_default = :publish, position = :position "
             "WHERE code = :code AND edited_at IS NULL",
          soci::use(row[1]), soci::use(row[2]), soci::use(days), soci::use(publish),
          soci::use(position), soci::use(row[0]);
    }
  }
}

std::vector<FieldInfo> select_fields(soci::session& sql, const std::string& code) {
  std::vector<FieldInfo> out;
  FieldInfo field;
  int publish = 0;
  const std::string any = code.empty() ? "1" : "0";
  soci::statement statement =
      (sql.prepare << "SELECT f.code, f.name, f.agency, a.name, f.answer_days, "
                      "f.publish_by_default FROM feedback_fields f JOIN agencies a ON "
                      "a.code = f.agency WHERE (:any = '1' OR f.code = :code) "
                      "ORDER BY f.position, f.code",
       soci::use(any), soci::use(code), soci::into(field.code), soci::into(field.name),
       soci::into(field.agency), soci::into(field.agency_name), soci::into(field.answer_days),
       soci::into(publish));
  statement.execute();
  while (statement.fetch()) {
    field.publish_by_default = publish != 0;
    out.push_back(field);
  }
  return out;
}

}  // namespace

void load_reference_data(soci::session& sql, const std::filesystem::path& data_dir) {
  load_fields(sql, data_dir / "feedback_fields.csv");
}

std::vector<FieldInfo> list_fields(soci::session& sql) { return select_fields(sql, ""); }

std::optional<FieldInfo> find_field(soci::session& sql, const std::string& code) {
  if (code.empty()) return std::nullopt;
  auto fields = select_fields(sql, code);
  if (fields.empty()) return std::nullopt;
  return fields.front();
}

}  // namespace cdscb::server::feedback
