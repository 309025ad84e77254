// The officials' side: the queue of their agency and the actions of a one-stop desk. Each action
// goes through the status table (core/dossier.cpp) in take_action; what it needs beyond the
// status is read and checked here.
#include <soci/soci.h>

#include "core/procedure_json.h"
#include "core/supplement.h"
#include "core/time_text.h"
#include "http/pagination.h"
#include "modules/accounts/access.h"
#include "modules/agencies/store.h"
#include "modules/calendar/holidays.h"
#include "modules/dossiers/actions.h"
#include "modules/dossiers/catalogue.h"
#include "modules/dossiers/dossier_json.h"
#include "modules/dossiers/filing.h"
#include "modules/dossiers/messages.h"
#include "modules/dossiers/policy.h"
#include "modules/dossiers/routes.h"
#include "modules/media/uploads.h"
#include "modules/notifications/store.h"

namespace cdscb::server::dossiers {
namespace {

constexpr long long kDefaultLimit = 20;
constexpr long long kMaxLimit = 50;
constexpr long long kDay = 86400;

// "q<due key>.<id>": the queue's keyset position.
std::optional<QueueCursor> read_queue_cursor(const http::Request& request,
                                             http::FieldErrors& errors) {
  const std::string text(request.query_param("cursor").value_or(""));
  if (text.empty()) return std::nullopt;
  const auto dot = text.find('.');
  if (!text.starts_with("q") || dot == std::string::npos) {
    errors.add("cursor", http::kCursorInvalid);
    return std::nullopt;
  }
  const auto key = http::parse_integer(std::string_view(text).substr(1, dot - 1));
  const auto id = http::parse_integer(std::string_view(text).substr(dot + 1));
  if (!key || !id) {
    errors.add("cursor", http::kCursorInvalid);
    return std::nullopt;
  }
  return QueueCursor{*key, *id};
}

http::Response queue(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  accounts::require(is_official(user), messages::kNotOfficial);
  http::FieldErrors errors;
  const long long limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  const auto after = read_queue_cursor(request, errors);
  const std::string status(request.query_param("status").value_or(""));
  if (!status.empty() && !core::find_dossier_status(status))
    errors.add("status", messages::kStatusUnknown);
  errors.throw_if_any();
  auto found = list_dossiers(sql,
                             {.agency = user.agency.value_or(""),
                              .every_agency = sees_every_agency(user),
                              .status = status},
                             0, after, limit + 1);
  const bool more = static_cast<long long>(found.size()) > limit;
  if (more) found.pop_back();
  const long long now = now_seconds(deps);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : found) items.push_back(summary_json(d, now, core::kActorOfficer));
  nlohmann::json next;
  if (more) {
    const Dossier& last = found.back();
    next = "q" + std::to_string(last.due_at.value_or(kNoDue)) + "." + std::to_string(last.id);
  }
  return http::no_store(http::Response::json(200, {{"items", items}, {"next_cursor", next}}));
}

// ?from=&to= as YYYY-MM-DD (Vietnam's calendar, both included); the last 30 days by default.
http::Response stats(const DossiersDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  accounts::require(is_official(user), messages::kNotOfficial);
  const long long now = now_seconds(deps);
  http::FieldErrors errors;
  const auto day_start = [&](const char* name, long long fallback) {
    const std::string text(request.query_param(name).value_or(""));
    if (text.empty()) return fallback;
    const auto d = core::parse_date(text);
    if (!d) {
      errors.add(name, messages::kResultDateInvalid);
      return fallback;
    }
    return core::day_number(d->year, d->month, d->day) * kDay - core::kVietnamUtcOffset;
  };
  const long long from = day_start("from", now - 30 * kDay);
  const long long until = day_start("to", now) + (request.query_param("to") ? kDay : 1);
  errors.throw_if_any();
  const std::string agency = sees_every_agency(user)
                                 ? std::string(request.query_param("agency").value_or(""))
                                 : user.agency.value_or("-");
  const AgencyStats s = agency_stats(sql, agency, from, until, now);
  const auto optional = [](const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json();
  };
  return http::no_store(http::Response::json(
      200,
      {{"agency", agency.empty() ? nlohmann::json() : nlohmann::json(agency)},
       {"from", core::format_rfc3339(from)},
       {"until", core::format_rfc3339(until)},
       {"filed", s.filed},
       {"received", s.received},
       {"returned", s.returned},
       {"on_time", s.on_time},
       {"late", s.late},
       {"overdue_open", s.overdue_open},
       {"average_processing_hours", s.average_processing_seconds
                                        ? nlohmann::json(*s.average_processing_seconds / 3600)
                                        : nlohmann::json()},
       {"satisfaction",
        {{"rated", s.rated}, {"average_score", optional(s.average_score)}, {"max_score", 16}}}}));
}

core::Procedure procedure_of(soci::session& sql, const Dossier& d) {
  const auto stored = procedure_version(sql, d.procedure_code, d.procedure_version);
  if (!stored) throw std::runtime_error("dossier " + d.code + " without its procedure version");
  return stored->procedure;
}

std::string required_text(const nlohmann::json& body, const std::string& key,
                          http::FieldErrors& errors, std::string_view message) {
  std::string text = http::string_field(body, key, errors).value_or("");
  if (text.empty()) errors.add(key, message);
  return text;
}

// 17:00 of a calendar day "YYYY-MM-DD" in Vietnam; nullopt when malformed.
std::optional<long long> end_of_day(const std::string& date) {
  const auto d = core::parse_date(date);
  if (!d) return std::nullopt;
  const long long day = core::day_number(d->year, d->month, d->day);
  return day * kDay + 17 * 3600 - core::kVietnamUtcOffset;
}

void notify(soci::session& sql, const Dossier& d, const std::string& text, long long now) {
  notifications::send(sql, d.user_id, "Hồ sơ " + d.code + ": " + text, std::nullopt, now);
}

// The body of each action beyond the status: what it checks and what it changes.
using Change = std::function<void(Dossier&, Event&)>;
struct Prepared {
  std::string_view action;
  Change change;
};

Prepared prepare(const DossiersDeps& deps, soci::session& sql, std::string_view route,
                 const Dossier& d, const accounts::AuthUser& user, const nlohmann::json& body,
                 long long now) {
  http::FieldErrors errors;
  if (route == "receive" || route == "accept-supplement") {
    if (route == "accept-supplement" && !d.supplement)
      throw http::HttpError(409, "not_allowed", messages::kNotAllowed);
    const core::Procedure p = procedure_of(sql, d);
    const core::WorkCalendar calendar = calendar::work_calendar(sql);
    // The due date is fixed now, in full from this moment (also after a supplement).
    const long long due =
        core::dossier_due_at(now, p.processing_days, p.after_15_next_day, calendar);
    const bool again = d.supplement.has_value();
    return {core::kActionReceive, [=, &sql](Dossier& c, Event& e) {
              c.due_at = due;
              c.received_at = now;
              c.supplement_deadline.reset();
              e.details = {{"due_at", core::format_rfc3339(due)}};
              notify(sql, c,
                     again ? "phần bổ sung đã được tiếp nhận, hẹn trả kết quả mới."
                           : "đã được tiếp nhận.",
                     now);
            }};
  }
  if (route == "request-supplement") {
    const core::SupplementRequest request = core::supplement_request_from_json(body);
    add_core_errors(errors, core::validate_supplement_request(request, procedure_of(sql, d)), "");
    errors.throw_if_any();
    const long long deadline = core::supplement_deadline(now, request.days);
    return {core::kActionRequestSupplement, [=, &sql](Dossier& c, Event& e) {
              c.supplement = core::supplement_request_json<nlohmann::json>(request);
              c.supplement_deadline = deadline;
              c.due_at.reset();  // the clock stops
              e.note = request.reason;
              e.details = *c.supplement;
              e.details["deadline"] = core::format_rfc3339(deadline);
              notify(sql, c,
                     "cần bổ sung hồ sơ trước " + core::vietnam_date_time_text(deadline) + ". " +
                         request.reason,
                     now);
            }};
  }
  if (route == "transfer") {
    const std::string agency = http::string_field(body, "agency", errors).value_or("");
    const std::string note = required_text(body, "note", errors, messages::kNoteRequired);
    if (!agencies::name_of(sql, agency))
      errors.add("agency", messages::kAgencyUnknown);
    else if (agency == d.agency)
      errors.add("agency", messages::kSameAgency);
    errors.throw_if_any();
    return {core::kActionTransfer, [=](Dossier& c, Event& e) {
              e.details = {{"from", c.agency}, {"to", agency}};
              e.note = note;
              c.agency = agency;
            }};
  }
  if (route == "process") {
    return {core::kActionStart, [](Dossier& c, Event&) { c.processing_started = true; }};
  }
  if (route == "finish") return {core::kActionFinish, [](Dossier&, Event&) {}};
  if (route == "fee-paid") return {core::kActionFeePaid, [](Dossier&, Event&) {}};
  if (route == "refuse" || route == "stop") {
    const std::string reason = required_text(body, "reason", errors, messages::kNoteRequired);
    errors.throw_if_any();
    const bool refuse = route == "refuse";
    return {refuse ? core::kActionRefuse : core::kActionStop, [=, &sql](Dossier& c, Event& e) {
              e.note = reason;
              c.due_at.reset();
              notify(sql, c, (refuse ? "không được tiếp nhận. " : "bị dừng xử lý. ") + reason, now);
            }};
  }
  if (route == "apologize") {
    const std::string reason = required_text(body, "reason", errors, messages::kNoteRequired);
    const auto due = end_of_day(http::string_field(body, "new_date", errors).value_or(""));
    if (!due || *due <= now) errors.add("new_date", messages::kApologyDateInvalid);
    errors.throw_if_any();
    return {core::kActionApologize, [=, &sql](Dossier& c, Event& e) {
              c.apology_at = now;
              c.due_at = *due;
              e.note = reason;
              e.details = {{"title", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"},
                           {"new_due_at", core::format_rfc3339(*due)}};
              notify(sql, c, "Phiếu xin lỗi và hẹn lại ngày trả kết quả: " + reason, now);
            }};
  }
  // return-result
  const std::string media = http::string_field(body, "media", errors).value_or("");
  const std::string number = required_text(body, "number", errors, messages::kResultNumberRequired);
  const std::string date = http::string_field(body, "date", errors).value_or("");
  const std::string kind = deps.media->kind_of(media);
  if (kind.empty() || !media::uploaded_by(sql, media, user.id))
    errors.add("media", messages::kResultRequired);
  if (!core::parse_date(date)) errors.add("date", messages::kResultDateInvalid);
  errors.throw_if_any();
  const core::DossierFacts facts = facts_of(d, now);
  if (d.status == core::kDossierProcessed && facts.overdue && !facts.apology_sent)
    throw http::HttpError(409, "apology_required", messages::kApologyRequired);
  return {core::kActionReturn, [=, &sql](Dossier& c, Event& e) {
            c.result = {{"media", media}, {"kind", kind}, {"number", number}, {"date", date}};
            c.returned_at = now;
            e.details = *c.result;
            // The result lands in the citizen's "Kho giấy tờ".
            const std::string name = "Kết quả " + c.procedure_name + " (số " + number + ")";
            sql << "INSERT INTO citizen_papers (user_id, name, media, kind, dossier_code, "
                   "created_at) VALUES (:user, :name, :media, :kind, :code, :at)",
                soci::use(c.user_id), soci::use(name), soci::use(media), soci::use(kind),
                soci::use(c.code), soci::use(now);
            notify(sql, c, "đã có kết quả. Bạn có thể tải kết quả trong Hồ sơ cá nhân.", now);
          }};
}

http::Response act(const DossiersDeps& deps, const http::Request& request, std::string_view route) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  accounts::require(is_official(user), messages::kNotOfficial);
  const Dossier d = dossier_of(sql, deps, request);
  accounts::require(official_for(user, d), messages::kOtherAgency);
  const nlohmann::json body =
      request.body.empty() ? nlohmann::json::object() : http::parse_json_object(request);
  const long long now = now_seconds(deps);
  const Prepared prepared = prepare(deps, sql, route, d, user, body, now);
  const Dossier after =
      take_action(sql, deps, d, core::kActorOfficer, prepared.action, user, now, prepared.change);
  return http::no_store(http::Response::json(
      200, {{"dossier", detail_json(after, events_of(sql, after.id), now, core::kActorOfficer)}}));
}

constexpr std::string_view kActionRoutes[] = {
    "receive", "accept-supplement", "request-supplement", "transfer", "process",
    "finish",  "return-result",     "apologize",          "refuse",   "stop",
    "fee-paid"};

}  // namespace

void register_official_routes(http::Router& router, const DossiersDeps& deps) {
  router.get("/api/v1/officer/dossiers", [deps](const http::Request& r) { return queue(deps, r); });
  router.get("/api/v1/officer/dossiers/stats",
             [deps](const http::Request& r) { return stats(deps, r); });
  for (const std::string_view route : kActionRoutes) {
    router.post("/api/v1/officer/dossiers/{code}/" + std::string(route),
                [deps, route](const http::Request& r) { return act(deps, r, route); });
  }
}

}  // namespace cdscb::server::dossiers
