// Dossiers in the database: the row, its timeline and the daily counter of its code. Every
// change of status is conditional on the status read, so two officers acting at once change a
// dossier once (the second gets 409).
#pragma once

#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "db/database.h"

namespace cdscb::server::dossiers {

struct Dossier {
  long long id = 0;
  std::string code;  // opaque: the national portal's code may replace ours
  long long user_id = 0;
  std::string procedure_code;
  int procedure_version = 0;
  std::string procedure_name;  // of that version
  std::string agency;          // the current agency (a transfer changes it)
  std::string agency_name;
  std::string status;
  std::string applicant_name;
  nlohmann::json values = nlohmann::json::object();  // core::form_values_json
  nlohmann::json papers = nlohmann::json::object();  // core::paper_files_json
  std::optional<long long> fee_vnd;
  long long created_at = 0;
  std::optional<long long> due_at;  // nullopt while the clock is stopped
  std::optional<long long> received_at;
  std::optional<nlohmann::json> supplement;  // the last request (core::supplement_request_json)
  std::optional<long long> supplement_deadline;
  bool processing_started = false;
  std::optional<long long> apology_at;
  std::optional<nlohmann::json> result;  // {"media","kind","number","date"}
  std::optional<long long> returned_at;
  std::optional<nlohmann::json> survey;  // {"answers":{"1":2,…},"comment","score"}
  long long updated_at = 0;
};

struct Event {
  long long at = 0;
  std::string actor;  // core::kActorCitizen / kActorOfficer / kActorSystem
  std::string actor_agency;
  std::string actor_agency_name;
  std::string action;
  std::string status;  // after the action
  std::string note;
  nlohmann::json details;  // null or the action's data (supplement asked, result, transfer…)
};

// The dossier with `code`; `lock`: FOR UPDATE on PostgreSQL (inside a Transaction).
std::optional<Dossier> find_dossier(soci::session& sql, db::Backend backend,
                                    const std::string& code, bool lock = false);

struct DossierFilter {
  long long user_id = 0;  // a citizen's own, newest first
  std::string agency;     // an agency's queue: due first (overdue, then due soon), then the rest
  bool every_agency = false;  // admins' queue
  std::string status;
};
// The queue's keyset position: (due_at or kNoDue, id).
struct QueueCursor {
  long long key = 0;
  long long id = 0;
};
inline constexpr long long kNoDue = 9'000'000'000'000LL;
// A page: citizen lists below `before_id`; queues after `after`. One query (agency and
// procedure names joined) whatever the page size.
std::vector<Dossier> list_dossiers(soci::session& sql, const DossierFilter& filter,
                                   long long before_id, const std::optional<QueueCursor>& after,
                                   long long limit);

// The timeline, oldest first, with agency names: one query.
std::vector<Event> events_of(soci::session& sql, long long dossier_id);

// Inside the filing transaction: the next number of `unit` on `day` (1, 2, …), one atomic
// upsert, so concurrent filings never share one.
int next_counter(soci::session& sql, const std::string& unit, long long day);

// Inserts the row (id and code set by the caller's values; returns the id).
long long insert_dossier(soci::session& sql, const Dossier& dossier);

// Writes every mutable column of `changed` when the row still has `from` as its status; false
// when it had changed meanwhile.
bool update_dossier(soci::session& sql, const Dossier& changed, const std::string& from);

// "Thống kê" of an agency ("" = every agency) for dossiers filed in [from, until).
struct AgencyStats {
  long long filed = 0, received = 0, returned = 0, on_time = 0, late = 0;
  long long overdue_open = 0;  // still being handled and past the due date at `now`
  std::optional<double> average_processing_seconds;  // received → returned
  long long rated = 0;
  std::optional<double> average_score;  // survey score, 0–16
};
AgencyStats agency_stats(soci::session& sql, const std::string& agency, long long from,
                         long long until, long long now);

void add_event(soci::session& sql, long long dossier_id, const Event& event,
               std::optional<long long> actor_user);

}  // namespace cdscb::server::dossiers
