#include "modules/dossiers/dossier_json.h"

#include "core/time_text.h"
#include "modules/dossiers/fees.h"
#include "modules/dossiers/private_files.h"

namespace cdscb::server::dossiers {
namespace {

nlohmann::json time_or_null(const std::optional<long long>& at) {
  return at ? nlohmann::json(core::format_rfc3339(*at)) : nlohmann::json();
}

nlohmann::json actions_json(const Dossier& d, long long now, std::string_view actor) {
  nlohmann::json actions = nlohmann::json::array();
  if (actor.empty()) return actions;
  for (const auto action : core::dossier_actions(d.status, actor, facts_of(d, now)))
    actions.push_back(action);
  return actions;
}

// The result with the URL its file is served at.
nlohmann::json result_json(const Dossier& d) {
  if (!d.result) return nullptr;
  nlohmann::json result = *d.result;
  if (result.is_object() && result.contains("media") && result["media"].is_string())
    result["url"] = dossier_file_url(d.code, result["media"].get<std::string>());
  return result;
}

}  // namespace

core::DossierFacts facts_of(const Dossier& d, long long now) {
  return {.supplement_expired = d.supplement_deadline && now >= *d.supplement_deadline,
          .processing_started = d.processing_started,
          .overdue = d.due_at && now > *d.due_at,
          .apology_sent = d.apology_at.has_value()};
}

nlohmann::json procedure_summary_json(const core::Procedure& p) {
  return {{"code", p.code},
          {"name", p.name},
          {"field", {{"code", p.field_code}, {"name", p.field_name}}},
          {"level", p.level},
          {"agency", p.agency_code},
          {"online_level", p.online_level},
          {"processing_days", p.processing_days},
          {"fee_vnd", p.fee_vnd ? nlohmann::json(*p.fee_vnd) : nlohmann::json()},
          {"version", p.version},
          {"sample", p.sample}};
}

nlohmann::json summary_json(const Dossier& d, long long now, std::string_view actor) {
  const auto* status = core::find_dossier_status(d.status);
  nlohmann::json supplement;
  if (d.supplement && d.status == core::kDossierSupplement) {
    supplement = *d.supplement;
    supplement["deadline"] = time_or_null(d.supplement_deadline);
  }
  return {
      {"code", d.code},
      {"procedure",
       {{"code", d.procedure_code}, {"version", d.procedure_version}, {"name", d.procedure_name}}},
      {"agency", {{"code", d.agency}, {"name", d.agency_name}}},
      {"status", d.status},
      {"national_status", status ? status->national_code : 0},
      {"applicant_name", d.applicant_name},
      {"fee_vnd", d.fee_vnd ? nlohmann::json(*d.fee_vnd) : nlohmann::json()},
      {"created_at", core::format_rfc3339(d.created_at)},
      {"received_at", time_or_null(d.received_at)},
      {"due_at", time_or_null(d.due_at)},
      {"overdue", facts_of(d, now).overdue && !(status && status->final)},
      {"supplement", supplement},
      {"result", result_json(d)},
      {"returned_at", time_or_null(d.returned_at)},
      {"apology_at", time_or_null(d.apology_at)},
      {"survey", d.survey ? *d.survey : nlohmann::json()},
      {"actions", actions_json(d, now, actor)}};
}

nlohmann::json detail_json(const Dossier& d, const std::vector<Event>& events, long long now,
                           std::string_view actor) {
  nlohmann::json j = summary_json(d, now, actor);
  j["values"] = d.values;
  j["papers"] = papers_with_urls(d);
  j["file_urls"] = value_file_urls(d);
  nlohmann::json timeline = nlohmann::json::array();
  for (const auto& e : events) {
    nlohmann::json who = {{"role", e.actor}};
    if (!e.actor_agency.empty())
      who["agency"] = {{"code", e.actor_agency}, {"name", e.actor_agency_name}};
    timeline.push_back({{"at", core::format_rfc3339(e.at)},
                        {"who", who},
                        {"action", e.action},
                        {"status", e.status},
                        {"note", e.note},
                        {"details", e.details}});
  }
  j["timeline"] = timeline;
  return j;
}

nlohmann::json receipt_json(const Dossier& d, const core::Procedure& procedure,
                            const std::optional<nlohmann::json>& fee_payment) {
  nlohmann::json papers = nlohmann::json::array();
  for (const auto& paper : procedure.papers) {
    const auto files = d.papers.find(paper.code);
    if (files == d.papers.end() || !files->is_array() || files->empty()) continue;
    papers.push_back({{"code", paper.code},
                      {"name", paper.name},
                      {"form", paper.form},
                      {"files", files->size()}});
  }
  nlohmann::json fee;
  if (d.fee_vnd) {
    fee = {{"amount", *d.fee_vnd}, {"status", fee_payment ? "paid" : "due"}};
    if (fee_payment) {
      fee["paid_by"] = fee_payment_text(*fee_payment);
      if (fee_payment->contains("order")) fee["order"] = (*fee_payment)["order"];
    }
  }
  return {{"title", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
          {"code", d.code},
          {"procedure", {{"code", d.procedure_code}, {"name", d.procedure_name}}},
          {"agency", {{"code", d.agency}, {"name", d.agency_name}}},
          {"applicant_name", d.applicant_name},
          {"papers", papers},
          {"fee", fee},
          {"received_at", core::format_rfc3339(d.created_at)},
          {"due_at", time_or_null(d.due_at)},
          {"processing_days", procedure.processing_days}};
}

}  // namespace cdscb::server::dossiers
