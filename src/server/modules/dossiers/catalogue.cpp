#include "modules/dossiers/catalogue.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "core/csv.h"
#include "core/dossier.h"
#include "core/procedure_json.h"
#include "core/text.h"
#include "db/like.h"

namespace cdscb::server::dossiers {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string search_text(const core::Procedure& p) {
  return core::fold_for_search(p.name + " " + p.code + " " + p.field_name);
}

core::Procedure parse_definition(const std::string& text) {
  return core::procedure_from_json(nlohmann::json::parse(text));
}

void insert_version(soci::session& sql, const core::Procedure& p, const std::string& status,
                    bool edited, long long now) {
  const std::string definition = core::procedure_json<nlohmann::json>(p).dump();
  const std::string folded = search_text(p);
  const int version = p.version;
  soci::indicator edited_ind = edited ? soci::i_ok : soci::i_null;
  long long edited_at = now;
  sql << "INSERT INTO procedures (code, version, status, name, search_text, field_code, "
         "field_name, level, agency, definition, edited_at, updated_at) VALUES (:code, :version, "
         ":status, :name, :search, :field_code, :field_name, :level, :agency, :definition, "
         ":edited_at, :updated_at)",
      soci::use(p.code), soci::use(version), soci::use(status), soci::use(p.name),
      soci::use(folded), soci::use(p.field_code), soci::use(p.field_name), soci::use(p.level),
      soci::use(p.agency_code), soci::use(definition), soci::use(edited_at, edited_ind),
      soci::use(now);
}

std::optional<StoredProcedure> one(soci::session& sql, const std::string& where,
                                   const std::string& code, int version) {
  std::string definition, status;
  sql << "SELECT definition, status FROM procedures WHERE code = :code AND " + where,
      soci::use(code), soci::use(version), soci::into(definition), soci::into(status);
  if (!sql.got_data()) return std::nullopt;
  return StoredProcedure{parse_definition(definition), status};
}

}  // namespace

void seed_procedures(soci::session& sql, db::Backend backend, const fs::path& dir, long long now) {
  std::error_code missing;
  if (!fs::is_directory(dir, missing)) return;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    core::Procedure p;
    try {
      p = core::procedure_from_json(nlohmann::json::parse(read_file(file)));
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error(file.string() + ": " + e.what());
    }
    if (const auto problems = core::validate_procedure(p); !problems.empty())
      throw std::runtime_error(file.string() + ": " + problems.front());
    db::Transaction transaction(sql, backend);
    int stored = 0;
    sql << "SELECT COUNT(*) FROM procedures WHERE code = :code AND version = :version",
        soci::use(p.code), soci::use(p.version), soci::into(stored);
    if (stored > 0) continue;
    int published = 0, edited = 0;
    soci::indicator published_ind = soci::i_null;
    sql << "SELECT MAX(version) FROM procedures WHERE code = :code AND status = 'published'",
        soci::use(p.code), soci::into(published, published_ind);
    sql << "SELECT COUNT(*) FROM procedures WHERE code = :code AND edited_at IS NOT NULL",
        soci::use(p.code), soci::into(edited);
    const bool publish_it = edited == 0 && (published_ind != soci::i_ok || p.version > published);
    if (publish_it) {
      sql << "UPDATE procedures SET status = 'retired', updated_at = :now WHERE code = :code AND "
             "status = 'published'",
          soci::use(now), soci::use(p.code);
    }
    insert_version(sql, p, publish_it ? kPublished : kRetired, false, now);
    transaction.commit();
  }
}

void seed_units(soci::session& sql, const fs::path& csv) {
  std::error_code missing;
  if (!fs::is_regular_file(csv, missing)) return;
  const core::CsvTable table = core::parse_csv(read_file(csv));
  if (!table.errors.empty())
    throw std::runtime_error(csv.string() + ":" + std::to_string(table.errors.front().line));
  bool header = true;
  for (const auto& row : table.rows) {
    if (row.fields.empty() || row.fields[0].starts_with("#")) continue;
    if (header) {
      header = false;
      continue;
    }
    if (row.fields.size() != 2 || !core::is_unit_code(row.fields[1]))
      throw std::runtime_error(csv.string() + ":" + std::to_string(row.line) +
                               ": expected agency,unit_code");
    sql << "INSERT INTO dossier_units (agency, unit_code) VALUES (:agency, :unit) "
           "ON CONFLICT (agency) DO UPDATE SET unit_code = excluded.unit_code "
           "WHERE dossier_units.edited_at IS NULL",
        soci::use(row.fields[0]), soci::use(row.fields[1]);
  }
}

std::optional<std::string> unit_code(soci::session& sql, const std::string& agency) {
  std::string unit;
  sql << "SELECT unit_code FROM dossier_units WHERE agency = :agency", soci::use(agency),
      soci::into(unit);
  if (!sql.got_data()) return std::nullopt;
  return unit;
}

std::optional<core::Procedure> published_procedure(soci::session& sql, const std::string& code) {
  std::string definition;
  sql << "SELECT definition FROM procedures WHERE code = :code AND status = 'published'",
      soci::use(code), soci::into(definition);
  if (!sql.got_data()) return std::nullopt;
  return parse_definition(definition);
}

std::optional<StoredProcedure> procedure_version(soci::session& sql, const std::string& code,
                                                 int version) {
  return one(sql, "version = :version", code, version);
}

std::optional<StoredProcedure> latest_procedure(soci::session& sql, const std::string& code) {
  int newest = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT MAX(version) FROM procedures WHERE code = :code", soci::use(code),
      soci::into(newest, ind);
  if (ind != soci::i_ok) return std::nullopt;
  return procedure_version(sql, code, newest);
}

std::vector<core::Procedure> search_catalogue(soci::session& sql, const CatalogueQuery& query) {
  soci::statement st(sql);
  std::string where = "status = 'published' AND code > :after";
  st.exchange(soci::use(query.after));
  if (!query.field.empty()) {
    where += " AND field_code = :field";
    st.exchange(soci::use(query.field));
  }
  if (!query.level.empty()) {
    where += " AND level = :level";
    st.exchange(soci::use(query.level));
  }
  // Every word of the query in the folded text, as core::procedure_matches says.
  std::vector<std::string> patterns;
  std::istringstream words(core::fold_for_search(query.q));
  for (std::string word; words >> word && patterns.size() < 8;)
    patterns.push_back(db::like_contains(word));
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    where += " AND search_text LIKE :w" + std::to_string(i) + " ESCAPE '!'";
    st.exchange(soci::use(patterns[i]));
  }
  const long long limit = query.limit;
  st.exchange(soci::use(limit));
  std::string definition;
  st.exchange(soci::into(definition));
  st.alloc();
  st.prepare("SELECT definition FROM procedures WHERE " + where + " ORDER BY code LIMIT :limit");
  st.define_and_bind();
  st.execute();
  std::vector<core::Procedure> found;
  while (st.fetch()) found.push_back(parse_definition(definition));
  return found;
}

int save_draft(soci::session& sql, db::Backend backend, core::Procedure procedure, long long now) {
  db::Transaction transaction(sql, backend);
  db::lock_name(sql, backend, "procedure:" + procedure.code);
  int newest = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT MAX(version) FROM procedures WHERE code = :code", soci::use(procedure.code),
      soci::into(newest, ind);
  std::string status;
  if (ind == soci::i_ok) {
    sql << "SELECT status FROM procedures WHERE code = :code AND version = :version",
        soci::use(procedure.code), soci::use(newest), soci::into(status);
  }
  if (status == kDraft) {
    // One draft at a time: editing again replaces it.
    sql << "DELETE FROM procedures WHERE code = :code AND version = :version",
        soci::use(procedure.code), soci::use(newest);
    procedure.version = newest;
  } else {
    procedure.version = (ind == soci::i_ok ? newest : 0) + 1;
  }
  insert_version(sql, procedure, kDraft, true, now);
  transaction.commit();
  return procedure.version;
}

bool publish(soci::session& sql, db::Backend backend, const std::string& code, int version,
             long long now) {
  db::Transaction transaction(sql, backend);
  db::lock_name(sql, backend, "procedure:" + code);
  std::string status;
  sql << "SELECT status FROM procedures WHERE code = :code AND version = :version", soci::use(code),
      soci::use(version), soci::into(status);
  if (status != kDraft) return false;
  sql << "UPDATE procedures SET status = 'retired', updated_at = :now WHERE code = :code AND "
         "status = 'published'",
      soci::use(now), soci::use(code);
  sql << "UPDATE procedures SET status = 'published', edited_at = :now, updated_at = :now2 "
         "WHERE code = :code AND version = :version",
      soci::use(now), soci::use(now), soci::use(code), soci::use(version);
  transaction.commit();
  return true;
}

}  // namespace cdscb::server::dossiers
