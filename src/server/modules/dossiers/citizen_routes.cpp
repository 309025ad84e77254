// The citizen's side of "Dịch vụ công": file a dossier, follow it, withdraw, supplement and rate
// it; and the public lookup by code.
#include <soci/soci.h>

#include <chrono>

#include "core/masking.h"
#include "core/procedure_json.h"
#include "core/survey.h"
#include "core/time_text.h"
#include "db/idempotency.h"
#include "http/pagination.h"
#include "http/rate_limit.h"
#include "modules/accounts/access.h"
#include "modules/calendar/holidays.h"
#include "modules/dossiers/actions.h"
#include "modules/dossiers/catalogue.h"
#include "modules/dossiers/dossier_json.h"
#include "modules/dossiers/fees.h"
#include "modules/dossiers/filing.h"
#include "modules/dossiers/messages.h"
#include "modules/dossiers/policy.h"
#include "modules/dossiers/receipt_pdf.h"
#include "modules/dossiers/routes.h"
#include "util/vietnamese.h"

namespace cdscb::server::dossiers {
namespace {

constexpr std::size_t kBodyMax = 256 * 1024;
constexpr long long kDefaultLimit = 20;
constexpr long long kMaxLimit = 50;
constexpr http::RateLimit kFilingsPerDay{"dossier_create", 30, 86400,
                                         "Bạn đã nộp quá nhiều hồ sơ hôm nay."};
// Codes are guessable (unit, date, counter): a client address may look a few up, not walk them.
constexpr http::RateLimit kLookupsPerHour{"dossier_lookup", 30, 3600, messages::kLookupLimit};
constexpr http::RateLimit kLookupsPerDay{"dossier_lookup_day", 200, 86400, messages::kLookupLimit};

core::Date vietnam_date(long long now) {
  const std::chrono::sys_days days{std::chrono::days{(now + core::kVietnamUtcOffset) / 86400}};
  const std::chrono::year_month_day day{days};
  return {static_cast<int>(day.year()), static_cast<int>(static_cast<unsigned>(day.month())),
          static_cast<int>(static_cast<unsigned>(day.day()))};
}

std::string applicant_name(const core::FormValues& values, const accounts::AuthUser& user) {
  if (const auto it = values.find("ho_ten"); it != values.end())
    if (const auto* name = std::get_if<std::string>(&it->second); name && !name->empty())
      return *name;
  return user.full_name;
}

core::Procedure version_filed(soci::session& sql, const Dossier& d) {
  const auto stored = procedure_version(sql, d.procedure_code, d.procedure_version);
  if (!stored) throw std::runtime_error("dossier " + d.code + " without its procedure version");
  return stored->procedure;
}

http::Response dossier_answer(soci::session& sql, const Dossier& d, long long now,
                              std::string_view actor, int status = 200) {
  return http::no_store(http::Response::json(
      status, {{"dossier", detail_json(d, events_of(sql, d.id), now, actor)}}));
}

http::Response create(const DossiersDeps& deps, const http::Request& request) {
  const long long now = now_seconds(deps);
  accounts::AuthUser user;
  {
    soci::session sql(deps.database.pool());
    user = deps.sessions.require_user(sql, request);
    if (auto refused =
            http::check_rate_limits(sql, {kFilingsPerDay}, http::account_key(user.id), now))
      return *refused;
  }
  const nlohmann::json body = http::parse_json_object(request, kBodyMax);
  core::DossierSubmission submission = core::dossier_submission_from_json(body);
  const db::IdempotencyKey key = db::read_idempotency_key(request, user.id, "dossier");
  soci::session sql(deps.database.pool());
  const auto answer = [&](long long id, int status) {
    std::string code;
    sql << "SELECT code FROM dossiers WHERE id = :id", soci::use(id), soci::into(code);
    const Dossier d = *find_dossier(sql, deps.database.backend(), code);
    nlohmann::json j = {{"dossier", detail_json(d, events_of(sql, d.id), now, core::kActorCitizen)},
                        {"receipt", receipt_json(d, version_filed(sql, d), std::nullopt)}};
    http::Response response = http::Response::json(status, j);
    response.headers.set("Location", "/api/v1/dossiers/" + d.code);
    return http::no_store(std::move(response));
  };
  if (const auto earlier = db::find_idempotent(sql, key)) return answer(*earlier, 200);

  // The version the citizen filled, even when a newer one was published meanwhile; never a draft.
  const auto stored = procedure_version(sql, submission.procedure_code, submission.version);
  if (!stored || stored->status == kDraft)
    throw http::HttpError(422, "procedure_unknown", messages::kProcedureUnknown,
                          {{"procedure", messages::kProcedureUnknown}});
  const core::Procedure& procedure = stored->procedure;
  http::FieldErrors errors;
  add_core_errors(errors, core::validate_form(procedure.form, submission.values, vietnam_date(now)),
                  "values.");
  add_core_errors(errors, core::validate_papers(procedure, submission.papers), "");
  check_files(sql, *deps.media, user.id, submission.papers, errors);
  check_form_files(sql, *deps.media, user.id, procedure.form, submission.values, errors);
  const core::FormValues kept = core::kept_values(procedure.form, submission.values);
  const std::string agency = receiving_agency(procedure, kept);
  if (agency.empty()) errors.add("values.dia_chi", messages::kNoCommune);
  errors.throw_if_any();
  const auto unit = unit_code(sql, agency);
  if (!unit) throw http::HttpError(422, "no_unit", messages::kNoUnit);
  const core::WorkCalendar calendar = calendar::work_calendar(sql);
  const Filing filing{.user_id = user.id,
                      .applicant_name = applicant_name(kept, user),
                      .procedure = &procedure,
                      .agency = agency,
                      .unit = *unit,
                      .values = kept,
                      .papers = submission.papers,
                      .now = now,
                      .calendar = &calendar};
  const db::Created made = db::create_once(sql, deps.database.backend(), key, now,
                                           [&] { return file_dossier(sql, filing); });
  return answer(made.id, made.created ? 201 : 200);
}

http::Response mine(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  http::FieldErrors errors;
  const long long limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  const long long before = http::read_cursor(request, errors, "d", 1).value_or(0);
  const std::string status(request.query_param("status").value_or(""));
  if (!status.empty() && !core::find_dossier_status(status))
    errors.add("status", messages::kStatusUnknown);
  errors.throw_if_any();
  auto found =
      list_dossiers(sql, {.user_id = user.id, .status = status}, before, std::nullopt, limit + 1);
  const bool more = static_cast<long long>(found.size()) > limit;
  if (more) found.pop_back();
  const long long now = now_seconds(deps);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : found) items.push_back(summary_json(d, now, core::kActorCitizen));
  return http::no_store(http::Response::json(
      200, {{"items", items},
            {"next_cursor",
             more ? nlohmann::json("d" + std::to_string(found.back().id)) : nlohmann::json()}}));
}

http::Response show(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const Dossier d = dossier_of(sql, deps, request);
  accounts::require_visible(may_view(user, d), messages::kDossierNotFound);
  return dossier_answer(sql, d, now_seconds(deps),
                        is_owner(user, d) ? core::kActorCitizen : core::kActorOfficer);
}

http::Response receipt(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const Dossier d = dossier_of(sql, deps, request);
  accounts::require_visible(may_view(user, d), messages::kDossierNotFound);
  return http::no_store(http::Response::json(
      200, {{"receipt", receipt_json(d, version_filed(sql, d), fee_payment(sql, d.id))}}));
}

http::Response receipt_file(const DossiersDeps& deps, const http::Request& request) {
  nlohmann::json r;
  {
    soci::session sql(deps.database.pool());
    const accounts::AuthUser user = deps.sessions.require_user(sql, request);
    const Dossier d = dossier_of(sql, deps, request);
    accounts::require_visible(may_view(user, d), messages::kDossierNotFound);
    r = receipt_json(d, version_filed(sql, d), fee_payment(sql, d.id));
  }
  http::Response response;
  response.status = 200;
  response.body = receipt_pdf(
      r, deps.public_origin + "/#/dich-vu-cong/tra-cuu/" + r["code"].get<std::string>());
  response.headers.set("Content-Type", "application/pdf");
  response.headers.set("Content-Disposition", "inline; filename=\"giay-tiep-nhan-" +
                                                  r["code"].get<std::string>() + ".pdf\"");
  return http::no_store(std::move(response));
}

// The caller's own dossier for a citizen action; another's answers as missing.
Dossier own_dossier(soci::session& sql, const DossiersDeps& deps, const http::Request& request,
                    const accounts::AuthUser& user) {
  Dossier d = dossier_of(sql, deps, request);
  accounts::require_visible(is_owner(user, d), messages::kDossierNotFound);
  return d;
}

http::Response withdraw(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const Dossier d = own_dossier(sql, deps, request, user);
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const std::string reason = http::string_field(body, "reason", errors).value_or("");
  if (reason.empty()) errors.add("reason", messages::kNoteRequired);
  errors.throw_if_any();
  const long long now = now_seconds(deps);
  const Dossier after = take_action(sql, deps, d, core::kActorCitizen, core::kActionWithdraw, user,
                                    now, [&](Dossier& changed, Event& event) {
                                      changed.due_at.reset();
                                      event.note = reason;
                                    });
  return dossier_answer(sql, after, now, core::kActorCitizen);
}

http::Response supplement(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const Dossier d = own_dossier(sql, deps, request, user);
  const long long now = now_seconds(deps);
  if (d.status != core::kDossierSupplement)
    throw http::HttpError(409, "not_allowed", messages::kNotAllowed);
  if (facts_of(d, now).supplement_expired)
    throw http::HttpError(422, "supplement_expired", messages::kSupplementExpired);
  const nlohmann::json body = http::parse_json_object(request, kBodyMax);
  const core::Procedure procedure = version_filed(sql, d);
  core::FormValues values = core::form_values_from_json(d.values);
  core::PaperFiles papers = core::paper_files_from_json(d.papers);
  core::FormValues added_values;
  core::PaperFiles added_papers;
  if (const auto it = body.find("values"); it != body.end())
    added_values = core::form_values_from_json(*it);
  if (const auto it = body.find("papers"); it != body.end())
    added_papers = core::paper_files_from_json(*it);
  http::FieldErrors errors;
  if (added_values.empty() && added_papers.empty())
    errors.add("papers", messages::kSupplementEmpty);
  check_files(sql, *deps.media, user.id, added_papers, errors);
  check_form_files(sql, *deps.media, user.id, procedure.form, added_values, errors);
  for (auto& [key, value] : added_values) values[key] = value;
  for (auto& [code, files] : added_papers)
    papers[code].insert(papers[code].end(), files.begin(), files.end());
  add_core_errors(errors, core::validate_form(procedure.form, values, vietnam_date(now)),
                  "values.");
  add_core_errors(errors, core::validate_papers(procedure, papers), "");
  errors.throw_if_any();
  nlohmann::json details = {{"values", nlohmann::json::array()},
                            {"papers", nlohmann::json::array()}};
  for (const auto& [key, value] : added_values) details["values"].push_back(key);
  for (const auto& [code, files] : added_papers) details["papers"].push_back(code);
  const Dossier after = take_action(
      sql, deps, d, core::kActorCitizen, core::kActionSupplement, user, now,
      [&](Dossier& changed, Event& event) {
        changed.values =
            core::form_values_json<nlohmann::json>(core::kept_values(procedure.form, values));
        changed.papers = core::paper_files_json<nlohmann::json>(papers);
        event.details = details;
      });
  return dossier_answer(sql, after, now, core::kActorCitizen);
}

http::Response survey(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  Dossier d = own_dossier(sql, deps, request, user);
  if (d.status != core::kDossierReturned)
    throw http::HttpError(409, "not_allowed", messages::kSurveyNotYet);
  if (d.survey) throw http::HttpError(409, "already_rated", messages::kSurveyDone);
  const nlohmann::json body = http::parse_json_object(request);
  core::SurveyAnswers answers;
  http::FieldErrors errors;
  answers.comment = http::string_field(body, "comment", errors).value_or("");
  if (const auto it = body.find("answers"); it != body.end() && it->is_object()) {
    for (auto a = it->begin(); a != it->end(); ++a) {
      const auto index = http::parse_integer(a.key());
      answers.answers[index ? static_cast<int>(*index) : -1] =
          a.value().is_number_integer() ? a.value().get<int>() : -1;
    }
  }
  add_core_errors(errors, core::validate_survey(answers), "");
  errors.throw_if_any();
  nlohmann::json stored = {{"answers", nlohmann::json::object()},
                           {"comment", answers.comment},
                           {"score", core::survey_score(answers)},
                           {"at", core::format_rfc3339(now_seconds(deps))}};
  for (const auto& [index, value] : answers.answers)
    stored["answers"][std::to_string(index)] = value;
  d.survey = stored;
  d.updated_at = now_seconds(deps);
  if (!update_dossier(sql, d, d.status))
    throw http::HttpError(409, "changed", messages::kChangedMeanwhile);
  return dossier_answer(sql, d, now_seconds(deps), core::kActorCitizen);
}

http::Response lookup(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  if (auto refused = http::check_rate_limits(sql, {kLookupsPerHour, kLookupsPerDay},
                                             http::address_key(request), now_seconds(deps)))
    return *refused;
  const auto d =
      find_dossier(sql, deps.database.backend(), std::string(request.param("code").value_or("")));
  if (!d) throw http::HttpError(404, "not_found", messages::kLookupNotFound);
  return http::no_store(http::Response::json(
      200,
      {{"code", d->code},
       {"status", d->status},
       {"procedure", {{"code", d->procedure_code}, {"name", d->procedure_name}}},
       {"agency", {{"code", d->agency}, {"name", d->agency_name}}},
       {"received_at", core::format_rfc3339(d->created_at)},
       {"due_at", d->due_at ? nlohmann::json(core::format_rfc3339(*d->due_at)) : nlohmann::json()},
       {"applicant", core::mask_person_name(d->applicant_name)}}));
}

}  // namespace

void register_citizen_routes(http::Router& router, const DossiersDeps& deps) {
  router.post("/api/v1/dossiers", [deps](const http::Request& r) { return create(deps, r); });
  router.limit_body(
      "POST", "/api/v1/dossiers",
      {.max_bytes = kBodyMax, .code = "payload_too_large", .message = "Nội dung gửi lên quá lớn."});
  router.get("/api/v1/dossiers/mine", [deps](const http::Request& r) { return mine(deps, r); });
  router.get("/api/v1/dossiers/lookup/{code}",
             [deps](const http::Request& r) { return lookup(deps, r); });
  router.get("/api/v1/dossiers/{code}", [deps](const http::Request& r) { return show(deps, r); });
  router.get("/api/v1/dossiers/{code}/receipt",
             [deps](const http::Request& r) { return receipt(deps, r); });
  router.get("/api/v1/dossiers/{code}/receipt.pdf",
             [deps](const http::Request& r) { return receipt_file(deps, r); });
  router.post("/api/v1/dossiers/{code}/withdraw",
              [deps](const http::Request& r) { return withdraw(deps, r); });
  router.post("/api/v1/dossiers/{code}/supplement",
              [deps](const http::Request& r) { return supplement(deps, r); });
  router.limit_body(
      "POST", "/api/v1/dossiers/{code}/supplement",
      {.max_bytes = kBodyMax, .code = "payload_too_large", .message = "Nội dung gửi lên quá lớn."});
  router.post("/api/v1/dossiers/{code}/survey",
              [deps](const http::Request& r) { return survey(deps, r); });
}

}  // namespace cdscb::server::dossiers
