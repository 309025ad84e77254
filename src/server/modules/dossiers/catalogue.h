// The procedure catalogue in the database: every version of every procedure, seeded from
// data/procedures/*.json at start (a file's version is inserted once; an admin's versions are
// never overwritten), and the unit codes of the receiving agencies (data/dossier_units.csv).
// Citizens see only the published version of a code; a dossier reads the version it was filed
// under, whatever was published since.
#pragma once

#include <soci/soci.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/procedure.h"
#include "db/database.h"

namespace cdscb::server::dossiers {

inline constexpr char kPublished[] = "published";
inline constexpr char kDraft[] = "draft";
inline constexpr char kRetired[] = "retired";

// Inserts each file's (code, version) not stored yet; it becomes the published version when it
// is newer than the published one and no admin edited that code (an admin's publication wins).
// Throws std::runtime_error naming a file whose definition validate_procedure refuses.
void seed_procedures(soci::session& sql, db::Backend backend, const std::filesystem::path& dir,
                     long long now);
// agency,unit_code rows ('#' lines are comments): inserted, or updated while no admin edited
// the row. Throws std::runtime_error naming a bad line.
void seed_units(soci::session& sql, const std::filesystem::path& csv);

// The unit code of `agency`; nullopt when it has none.
std::optional<std::string> unit_code(soci::session& sql, const std::string& agency);

struct StoredProcedure {
  core::Procedure procedure;
  std::string status;  // kPublished, kDraft or kRetired
};

// The published version of `code`.
std::optional<core::Procedure> published_procedure(soci::session& sql, const std::string& code);
// One version, whatever its status.
std::optional<StoredProcedure> procedure_version(soci::session& sql, const std::string& code,
                                                 int version);
// The newest version of `code` (a draft, when one is being edited).
std::optional<StoredProcedure> latest_procedure(soci::session& sql, const std::string& code);

struct CatalogueQuery {
  std::string q;      // words, matched folded against name, code and field
  std::string field;  // a field code, or empty
  std::string level;  // core::kLevelCommune / kLevelProvince, or empty
  std::string after;  // the keyset: codes after this one
  long long limit = 20;
};
// Published procedures by code: one query whatever the page size.
std::vector<core::Procedure> search_catalogue(soci::session& sql, const CatalogueQuery& query);

// Stores `procedure` as a new draft version (one above the newest) edited by an admin at `now`;
// returns its version.
int save_draft(soci::session& sql, db::Backend backend, core::Procedure procedure, long long now);
// Publishes `version` of `code`: the published one is retired. False when there is no such
// draft.
bool publish(soci::session& sql, db::Backend backend, const std::string& code, int version,
             long long now);

}  // namespace cdscb::server::dossiers
