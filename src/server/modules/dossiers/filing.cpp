#include "modules/dossiers/filing.h"

#include <set>

#include "core/dossier.h"
#include "core/procedure_json.h"
#include "http/response.h"
#include "modules/dossiers/messages.h"
#include "modules/media/uploads.h"
#include "util/vietnamese.h"

namespace cdscb::server::dossiers {
namespace {

// Whether the caller may attach `media`: they uploaded it, or it is in their "Kho giấy tờ".
bool may_attach(soci::session& sql, long long user_id, const std::string& media) {
  if (media::uploaded_by(sql, media, user_id)) return true;
  int kept = 0;
  sql << "SELECT COUNT(*) FROM citizen_papers WHERE user_id = :user AND media = :media",
      soci::use(user_id), soci::use(media), soci::into(kept);
  return kept > 0;
}

}  // namespace

void check_files(soci::session& sql, const media::MediaStore& store, long long user_id,
                 core::PaperFiles& papers, http::FieldErrors& errors) {
  for (auto& [code, files] : papers) {
    for (auto& file : files) {
      if (!core::is_media_id(file.media)) continue;  // validate_papers says so
      const std::string kind = store.kind_of(file.media);
      if (kind.empty() || !may_attach(sql, user_id, file.media)) {
        errors.add("papers." + code, messages::kFileNotYours);
        continue;
      }
      file.kind = kind;
    }
  }
}

void check_form_files(soci::session& sql, const media::MediaStore& store, long long user_id,
                      const core::FormDefinition& form, const core::FormValues& values,
                      http::FieldErrors& errors) {
  for (const auto& field : form.fields) {
    if (field.type != core::FieldType::kFile) continue;
    const auto it = values.find(field.key);
    if (it == values.end()) continue;
    const auto* ids = std::get_if<std::vector<std::string>>(&it->second);
    if (!ids) continue;
    for (const auto& id : *ids) {
      if (core::is_media_id(id) && (store.kind_of(id).empty() || !may_attach(sql, user_id, id)))
        errors.add("values." + field.key, messages::kFileNotYours);
    }
  }
}

void add_core_errors(http::FieldErrors& errors, const core::FieldErrors& found,
                     const std::string& prefix) {
  for (const auto& [key, message] : found) errors.add(prefix + key, util::vietnamese(message));
}

std::string receiving_agency(const core::Procedure& procedure, const core::FormValues& values) {
  if (procedure.agency_code != core::kAgencyOfCommune) return procedure.agency_code;
  const core::AddressValue* address = nullptr;
  if (const auto it = values.find("dia_chi"); it != values.end())
    address = std::get_if<core::AddressValue>(&it->second);
  for (const auto& field : procedure.form.fields) {
    if (address) break;
    if (field.type != core::FieldType::kAddress) continue;
    if (const auto it = values.find(field.key); it != values.end())
      address = std::get_if<core::AddressValue>(&it->second);
  }
  if (!address || address->commune.empty()) return {};
  return "ubnd-" + address->commune;
}

long long file_dossier(soci::session& sql, const Filing& f) {
  const core::Procedure& p = *f.procedure;
  long long day = (f.now + core::kVietnamUtcOffset) / 86400;
  const int counter = next_counter(sql, f.unit, day);
  const auto code = core::format_dossier_code(f.unit, f.now, counter);
  // Past 9999 in a day the code cannot be made; the unit's desk takes the rest in person.
  if (!code) throw http::HttpError(503, "counter_exhausted", messages::kNoUnit);
  const bool fee_due = p.fee_vnd && *p.fee_vnd > 0;
  Dossier d;
  d.code = *code;
  d.user_id = f.user_id;
  d.procedure_code = p.code;
  d.procedure_version = p.version;
  d.agency = f.agency;
  d.status = std::string(core::initial_dossier_status(fee_due));
  d.applicant_name = f.applicant_name;
  d.values = core::form_values_json<nlohmann::json>(f.values);
  d.papers = core::paper_files_json<nlohmann::json>(f.papers);
  if (fee_due) d.fee_vnd = *p.fee_vnd;
  d.created_at = f.now;
  // The receipt's appointment; "Tiếp nhận" fixes it from the moment it is received.
  d.due_at = core::dossier_due_at(f.now, p.processing_days, p.after_15_next_day, *f.calendar);
  d.id = insert_dossier(sql, d);
  Event submitted;
  submitted.at = f.now;
  submitted.actor = core::kActorCitizen;
  submitted.action = "submit";
  submitted.status = d.status;
  add_event(sql, d.id, submitted, f.user_id);
  return d.id;
}

}  // namespace cdscb::server::dossiers
