#include <soci/soci.h>

#include "db/schema/schema.h"

namespace cdscb::server::db::schema {

// "Dịch vụ công" (see modules/dossiers/):
//  - dossier_units: the receiving unit code of each agency (data/dossier_units.csv), the first
//    part of a dossier code; edited_at marks an admin's edit the file no longer overwrites.
//  - procedures: every version of every procedure, its definition as the JSON of
//    core/procedure_json.h; at most one version of a code is "published" (what citizens see),
//    later ones are "draft" until published, earlier ones "retired" (dossiers filed under them
//    still read them). search_text is name, code and field folded (core::fold_for_search).
//  - dossier_counters: the daily counter per unit of the dossier code, bumped in the filing
//    transaction (UPDATE … RETURNING), so two filings never take one number.
//  - dossiers: one per filing, with the version filed under, the values and attachments as JSON,
//    the clock (due_at: NULL while stopped) and the supplement asked for.
//  - dossier_events: the timeline, every action with who (role, account, agency) and when.
//  - citizen_papers: "Kho giấy tờ", papers a citizen saved and results of returned dossiers.
void create_dossiers(soci::session& sql, Backend backend) {
  const std::string id = id_column(backend);
  sql << "CREATE TABLE dossier_units ("
         "  agency TEXT PRIMARY KEY,"
         "  unit_code TEXT NOT NULL,"
         "  edited_at BIGINT"
         ")";
  sql << "CREATE TABLE procedures ("
         "  code TEXT NOT NULL,"
         "  version INTEGER NOT NULL,"
         "  status TEXT NOT NULL,"
         "  name TEXT NOT NULL,"
         "  search_text TEXT NOT NULL,"
         "  field_code TEXT NOT NULL,"
         "  field_name TEXT NOT NULL,"
         "  level TEXT NOT NULL,"
         "  agency TEXT NOT NULL,"
         "  definition TEXT NOT NULL,"
         "  edited_at BIGINT,"
         "  updated_at BIGINT NOT NULL,"
         "  PRIMARY KEY (code, version)"
         ")";
  // The catalogue walks published rows by code (keyset), optionally of one field or level.
  sql << "CREATE INDEX procedures_catalogue ON procedures (status, code)";
  sql << "CREATE INDEX procedures_field ON procedures (status, field_code, code)";
  sql << "CREATE INDEX procedures_level ON procedures (status, level, code)";
  sql << "CREATE TABLE dossier_counters ("
         "  unit TEXT NOT NULL,"
         "  day BIGINT NOT NULL,"
         "  n INTEGER NOT NULL,"
         "  PRIMARY KEY (unit, day)"
         ")";
  sql << "CREATE TABLE dossiers (" + std::string("  id ") + id +
             ","
             "  code TEXT NOT NULL UNIQUE,"
             "  user_id BIGINT NOT NULL,"
             "  procedure_code TEXT NOT NULL,"
             "  procedure_version INTEGER NOT NULL,"
             "  agency TEXT NOT NULL,"
             "  status TEXT NOT NULL,"
             "  applicant_name TEXT NOT NULL,"
             "  form_values TEXT NOT NULL,"
             "  papers TEXT NOT NULL,"
             "  fee_vnd BIGINT,"
             "  created_at BIGINT NOT NULL,"
             "  due_at BIGINT,"
             "  received_at BIGINT,"
             "  supplement TEXT,"
             "  supplement_deadline BIGINT,"
             "  processing_started INTEGER NOT NULL DEFAULT 0,"
             "  apology_at BIGINT,"
             "  result TEXT,"
             "  returned_at BIGINT,"
             "  survey TEXT,"
             "  survey_score INTEGER,"
             "  updated_at BIGINT NOT NULL,"
             "  FOREIGN KEY (procedure_code, procedure_version) REFERENCES procedures (code, "
             "version)"
             ")";
  sql << "CREATE INDEX dossiers_user ON dossiers (user_id, id)";
  sql << "CREATE INDEX dossiers_queue ON dossiers (agency, status, due_at, id)";
  sql << "CREATE TABLE dossier_events (" + std::string("  id ") + id +
             ","
             "  dossier_id BIGINT NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,"
             "  at BIGINT NOT NULL,"
             "  actor TEXT NOT NULL,"
             "  actor_user BIGINT,"
             "  actor_agency TEXT,"
             "  action TEXT NOT NULL,"
             "  status TEXT NOT NULL,"
             "  note TEXT NOT NULL,"
             "  details TEXT"
             ")";
  sql << "CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id)";
  sql << "CREATE TABLE citizen_papers (" + std::string("  id ") + id +
             ","
             "  user_id BIGINT NOT NULL,"
             "  name TEXT NOT NULL,"
             "  media TEXT NOT NULL,"
             "  kind TEXT NOT NULL,"
             "  dossier_code TEXT,"
             "  created_at BIGINT NOT NULL"
             ")";
  sql << "CREATE INDEX citizen_papers_user ON citizen_papers (user_id, id)";
}

}  // namespace cdscb::server::db::schema
