#include "modules/dossiers/store.h"

#include <limits>

#include "db/nullable_text.h"

namespace cdscb::server::dossiers {
namespace {

using db::Nullable;
using db::NullableText;

constexpr const char* kColumns =
    "d.id, d.code, d.user_id, d.procedure_code, d.procedure_version, p.name, d.agency, "
    "COALESCE(a.name, d.agency), d.status, d.applicant_name, d.form_values, d.papers, d.fee_vnd, "
    "d.created_at, d.due_at, d.received_at, d.supplement, d.supplement_deadline, "
    "d.processing_started, d.apology_at, d.result, d.returned_at, d.survey, d.updated_at";
constexpr const char* kFrom =
    " FROM dossiers d JOIN procedures p ON p.code = d.procedure_code AND p.version = "
    "d.procedure_version LEFT JOIN agencies a ON a.code = d.agency";

std::optional<nlohmann::json> json_of(const NullableText& text) {
  if (const auto value = text.get()) return nlohmann::json::parse(*value);
  return std::nullopt;
}

NullableText text_of(const std::optional<nlohmann::json>& json) {
  return NullableText(json ? std::optional(json->dump()) : std::nullopt);
}

// One row of kColumns, read with into().
struct Row {
  long long id = 0, user_id = 0, created_at = 0, updated_at = 0;
  int version = 0, started = 0;
  std::string code, procedure, procedure_name, agency, agency_name, status, applicant, values,
      papers;
  Nullable<long long> fee, due_at, received_at, deadline, apology_at, returned_at;
  NullableText supplement, result, survey;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(code));
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(procedure));
    st.exchange(soci::into(version));
    st.exchange(soci::into(procedure_name));
    st.exchange(soci::into(agency));
    st.exchange(soci::into(agency_name));
    st.exchange(soci::into(status));
    st.exchange(soci::into(applicant));
    st.exchange(soci::into(values));
    st.exchange(soci::into(papers));
    st.exchange(soci::into(fee.value, fee.indicator));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(due_at.value, due_at.indicator));
    st.exchange(soci::into(received_at.value, received_at.indicator));
    st.exchange(soci::into(supplement.value, supplement.indicator));
    st.exchange(soci::into(deadline.value, deadline.indicator));
    st.exchange(soci::into(started));
    st.exchange(soci::into(apology_at.value, apology_at.indicator));
    st.exchange(soci::into(result.value, result.indicator));
    st.exchange(soci::into(returned_at.value, returned_at.indicator));
    st.exchange(soci::into(survey.value, survey.indicator));
    st.exchange(soci::into(updated_at));
  }

  Dossier dossier() const {
    Dossier d;
    d.id = id;
    d.code = code;
    d.user_id = user_id;
    d.procedure_code = procedure;
    d.procedure_version = version;
    d.procedure_name = procedure_name;
    d.agency = agency;
    d.agency_name = agency_name;
    d.status = status;
    d.applicant_name = applicant;
    d.values = nlohmann::json::parse(values);
    d.papers = nlohmann::json::parse(papers);
    d.fee_vnd = fee.get();
    d.created_at = created_at;
    d.due_at = due_at.get();
    d.received_at = received_at.get();
    d.supplement = json_of(supplement);
    d.supplement_deadline = deadline.get();
    d.processing_started = started != 0;
    d.apology_at = apology_at.get();
    d.result = json_of(result);
    d.returned_at = returned_at.get();
    d.survey = json_of(survey);
    d.updated_at = updated_at;
    return d;
  }
};

}  // namespace

std::optional<Dossier> find_dossier(soci::session& sql, db::Backend backend,
                                    const std::string& code, bool lock) {
  Row row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(soci::use(code));
  st.alloc();
  // FOR UPDATE cannot lock the nullable side of an outer join: lock the dossier's row only.
  st.prepare(std::string("SELECT ") + kColumns + kFrom + " WHERE d.code = :code" +
             (lock && backend == db::Backend::kPostgresql ? " FOR UPDATE OF d" : ""));
  st.define_and_bind();
  if (!st.execute(true)) return std::nullopt;
  return row.dossier();
}

std::vector<Dossier> list_dossiers(soci::session& sql, const DossierFilter& filter,
                                   long long before_id, const std::optional<QueueCursor>& after,
                                   long long limit) {
  Row row;
  soci::statement st(sql);
  row.bind(st);
  std::string where = "1 = 1";
  std::string order = " ORDER BY d.id DESC";
  const long long before = before_id > 0 ? before_id : std::numeric_limits<long long>::max();
  const std::string key = "COALESCE(d.due_at, " + std::to_string(kNoDue) + ")";
  QueueCursor from = after.value_or(QueueCursor{std::numeric_limits<long long>::min(), 0});
  if (filter.user_id != 0) {
    where += " AND d.user_id = :user_id AND d.id < :before";
    st.exchange(soci::use(filter.user_id));
    st.exchange(soci::use(before));
  } else {
    if (!filter.every_agency) {
      where += " AND d.agency = :agency";
      st.exchange(soci::use(filter.agency));
    }
    where += " AND (" + key + " > :key OR (" + key + " = :key2 AND d.id > :id))";
    st.exchange(soci::use(from.key));
    st.exchange(soci::use(from.key));
    st.exchange(soci::use(from.id));
    order = " ORDER BY " + key + ", d.id";
  }
  if (!filter.status.empty()) {
    where += " AND d.status = :status";
    st.exchange(soci::use(filter.status));
  }
  st.exchange(soci::use(limit));
  st.alloc();
  st.prepare(std::string("SELECT ") + kColumns + kFrom + " WHERE " + where + order +
             " LIMIT :limit");
  st.define_and_bind();
  st.execute();
  std::vector<Dossier> found;
  while (st.fetch()) found.push_back(row.dossier());
  return found;
}

std::vector<Event> events_of(soci::session& sql, long long dossier_id) {
  Event e;
  NullableText agency, agency_name, details;
  soci::statement st =
      (sql.prepare << "SELECT e.at, e.actor, e.actor_agency, a.name, e.action, e.status, e.note, "
                      "e.details FROM dossier_events e LEFT JOIN agencies a ON a.code = "
                      "e.actor_agency WHERE e.dossier_id = :id ORDER BY e.id",
       soci::use(dossier_id), soci::into(e.at), soci::into(e.actor),
       soci::into(agency.value, agency.indicator),
       soci::into(agency_name.value, agency_name.indicator), soci::into(e.action),
       soci::into(e.status), soci::into(e.note), soci::into(details.value, details.indicator));
  st.execute();
  std::vector<Event> events;
  while (st.fetch()) {
    Event copy = e;
    copy.actor_agency = agency.get().value_or("");
    copy.actor_agency_name = agency_name.get().value_or(copy.actor_agency);
    copy.details = json_of(details).value_or(nlohmann::json());
    events.push_back(std::move(copy));
  }
  return events;
}

int next_counter(soci::session& sql, const std::string& unit, long long day) {
  int n = 0;
  sql << "INSERT INTO dossier_counters (unit, day, n) VALUES (:unit, :day, 1) "
         "ON CONFLICT (unit, day) DO UPDATE SET n = dossier_counters.n + 1 RETURNING n",
      soci::use(unit), soci::use(day), soci::into(n);
  return n;
}

long long insert_dossier(soci::session& sql, const Dossier& d) {
  const std::string values = d.values.dump(), papers = d.papers.dump();
  Nullable<long long> fee(d.fee_vnd), due(d.due_at);
  sql << "INSERT INTO dossiers (code, user_id, procedure_code, procedure_version, agency, status, "
         "applicant_name, form_values, papers, fee_vnd, created_at, due_at, updated_at) VALUES "
         "(:code, :user_id, :procedure, :version, :agency, :status, :applicant, :form_values, "
         ":papers, :fee, :created_at, :due_at, :updated_at)",
      soci::use(d.code), soci::use(d.user_id), soci::use(d.procedure_code),
      soci::use(d.procedure_version), soci::use(d.agency), soci::use(d.status),
      soci::use(d.applicant_name), soci::use(values), soci::use(papers),
      soci::use(fee.value, fee.indicator), soci::use(d.created_at),
      soci::use(due.value, due.indicator), soci::use(d.created_at);
  long long id = 0;
  sql << "SELECT id FROM dossiers WHERE code = :code", soci::use(d.code), soci::into(id);
  return id;
}

bool update_dossier(soci::session& sql, const Dossier& d, const std::string& from) {
  const std::string values = d.values.dump(), papers = d.papers.dump();
  Nullable<long long> due(d.due_at), received(d.received_at), deadline(d.supplement_deadline),
      apology(d.apology_at), returned(d.returned_at);
  NullableText supplement = text_of(d.supplement), result = text_of(d.result),
               survey = text_of(d.survey);
  const int started = d.processing_started ? 1 : 0;
  // The score as a column, so that an agency's statistics average it in SQL.
  Nullable<int> score(d.survey && d.survey->contains("score")
                          ? std::optional<int>((*d.survey)["score"].get<int>())
                          : std::nullopt);
  soci::statement st =
      (sql.prepare
           << "UPDATE dossiers SET agency = :agency, status = :status, form_values = "
              ":form_values, papers = :papers, due_at = :due_at, received_at = :received, "
              "supplement = :supplement, supplement_deadline = :deadline, "
              "processing_started = :started, apology_at = :apology, result = :result, "
              "returned_at = :returned, survey = :survey, survey_score = :score, updated_at = "
              ":updated_at "
              "WHERE id = :id AND status = :from",
       soci::use(d.agency), soci::use(d.status), soci::use(values), soci::use(papers),
       soci::use(due.value, due.indicator), soci::use(received.value, received.indicator),
       soci::use(supplement.value, supplement.indicator),
       soci::use(deadline.value, deadline.indicator), soci::use(started),
       soci::use(apology.value, apology.indicator), soci::use(result.value, result.indicator),
       soci::use(returned.value, returned.indicator), soci::use(survey.value, survey.indicator),
       soci::use(score.value, score.indicator), soci::use(d.updated_at), soci::use(d.id),
       soci::use(from));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

AgencyStats agency_stats(soci::session& sql, const std::string& agency, long long from,
                         long long until, long long now) {
  AgencyStats s;
  Nullable<double> average_seconds, average_score;
  sql << "SELECT COUNT(*), "
         "COALESCE(SUM(CASE WHEN received_at IS NOT NULL THEN 1 ELSE 0 END), 0), "
         "COALESCE(SUM(CASE WHEN status = 'returned' THEN 1 ELSE 0 END), 0), "
         "COALESCE(SUM(CASE WHEN status = 'returned' AND returned_at <= due_at THEN 1 ELSE 0 "
         "END), 0), "
         "COALESCE(SUM(CASE WHEN status = 'returned' AND returned_at > due_at THEN 1 ELSE 0 "
         "END), 0), "
         "COALESCE(SUM(CASE WHEN status IN ('received', 'processing', 'processed') AND due_at < "
         ":now THEN 1 ELSE 0 END), 0), "
         "AVG(CASE WHEN status = 'returned' THEN returned_at - received_at END), "
         "COUNT(survey_score), AVG(survey_score) "
         "FROM dossiers WHERE (agency = :agency OR :all = 1) AND created_at >= :from AND "
         "created_at < :until",
      soci::use(now), soci::use(agency), soci::use(agency.empty() ? 1 : 0), soci::use(from),
      soci::use(until), soci::into(s.filed), soci::into(s.received), soci::into(s.returned),
      soci::into(s.on_time), soci::into(s.late), soci::into(s.overdue_open),
      soci::into(average_seconds.value, average_seconds.indicator), soci::into(s.rated),
      soci::into(average_score.value, average_score.indicator);
  s.average_processing_seconds = average_seconds.get();
  s.average_score = average_score.get();
  return s;
}

void add_event(soci::session& sql, long long dossier_id, const Event& e,
               std::optional<long long> actor_user) {
  Nullable<long long> user(actor_user);
  NullableText agency(e.actor_agency.empty() ? std::nullopt : std::optional(e.actor_agency));
  NullableText details(e.details.is_null() ? std::nullopt : std::optional(e.details.dump()));
  sql << "INSERT INTO dossier_events (dossier_id, at, actor, actor_user, actor_agency, action, "
         "status, note, details) VALUES (:dossier, :at, :actor, :user, :agency, :action, "
         ":status, :note, :details)",
      soci::use(dossier_id), soci::use(e.at), soci::use(e.actor),
      soci::use(user.value, user.indicator), soci::use(agency.value, agency.indicator),
      soci::use(e.action), soci::use(e.status), soci::use(e.note),
      soci::use(details.value, details.indicator);
}

}  // namespace cdscb::server::dossiers
