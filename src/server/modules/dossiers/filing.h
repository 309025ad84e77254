// Filing a dossier: the checks (core's one validator, attachments the caller may use, found by
// content) and the row, its code from the unit's daily counter and its first timeline entry, in
// one transaction. Used by POST /api/v1/dossiers and by the load test's seeding.
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

#include "core/form_validation.h"
#include "core/working_hours.h"
#include "db/database.h"
#include "http/json_body.h"
#include "integrations/media/media_store.h"
#include "modules/dossiers/store.h"

namespace cdscb::server::dossiers {

// Sets each attached file's kind from the stored file (never the caller's claim) and adds an
// error under "papers.<code>" (or `field_prefix` + key for file fields) for a file that is not
// stored, or that the caller neither uploaded nor keeps in "Kho giấy tờ".
void check_files(soci::session& sql, const media::MediaStore& store, long long user_id,
                 core::PaperFiles& papers, http::FieldErrors& errors);
// The same for the media ids of a form's file fields.
void check_form_files(soci::session& sql, const media::MediaStore& store, long long user_id,
                      const core::FormDefinition& form, const core::FormValues& values,
                      http::FieldErrors& errors);

// core's errors (message keys) in Vietnamese under `prefix` + key.
void add_core_errors(http::FieldErrors& errors, const core::FieldErrors& found,
                     const std::string& prefix);

// The agency that receives a dossier of `procedure` with `values`: the procedure's, or for
// "ubnd-xa" the UBND of the commune of the applicant's address (field "dia_chi", else the first
// address field). Empty when none can be found.
std::string receiving_agency(const core::Procedure& procedure, const core::FormValues& values);

struct Filing {
  long long user_id = 0;
  std::string applicant_name;
  const core::Procedure* procedure = nullptr;
  std::string agency;
  std::string unit;
  core::FormValues values;  // already validated and kept (core::kept_values)
  core::PaperFiles papers;
  long long now = 0;
  const core::WorkCalendar* calendar = nullptr;
};

// Inside the caller's transaction: the counter, the row ("Mới đăng ký", or "Chờ nộp phí" when a
// fee is due), the estimated due date and the "submit" entry. Returns the dossier's id.
long long file_dossier(soci::session& sql, const Filing& filing);

}  // namespace cdscb::server::dossiers
