#include "core/dossier.h"

#include <algorithm>
#include <cstdio>

#include "core/time_text.h"

namespace cdscb::core {
namespace {

constexpr DossierStatus kStatuses[] = {
    {kDossierRegistered, 1, "services.status.registered", false, false},
    {kDossierReceived, 2, "services.status.received", false, true},
    {kDossierNotReceived, 3, "services.status.not_received", true, false},
    {kDossierProcessing, 4, "services.status.processing", false, true},
    {kDossierSupplement, 5, "services.status.supplement_requested", false, false},
    {kDossierAwaitingFee, 6, "services.status.awaiting_fee", false, false},
    {kDossierWithdrawn, 7, "services.status.withdrawn", true, false},
    {kDossierStopped, 8, "services.status.stopped", true, false},
    {kDossierProcessed, 9, "services.status.processed", false, true},
    {kDossierReturned, 10, "services.status.returned", true, false},
};

using G = DossierGuard;
constexpr auto kCitizen = kActorCitizen;
constexpr auto kOfficer = kActorOfficer;

// The whole process of a one-stop desk. Officers act for the dossier's current agency. A
// supplement goes back to "Mới đăng ký" until an officer accepts it with "Tiếp nhận": the due
// date then restarts in full (dossier_due_from_history). A fee is paid before the dossier is
// received ("Thu trước"), booked by the gateway's notification or by an officer at the desk.
constexpr DossierTransition kTransitions[] = {
    {kDossierRegistered, kActionReceive, kDossierReceived, kOfficer, G::kNone},
    {kDossierRegistered, kActionRefuse, kDossierNotReceived, kOfficer, G::kNone},
    {kDossierRegistered, kActionRequestSupplement, kDossierSupplement, kOfficer, G::kNone},
    {kDossierRegistered, kActionWithdraw, kDossierWithdrawn, kCitizen, G::kNone},

    {kDossierAwaitingFee, kActionFeePaid, kDossierRegistered, kActorSystem, G::kNone},
    {kDossierAwaitingFee, kActionFeePaid, kDossierRegistered, kOfficer, G::kNone},
    {kDossierAwaitingFee, kActionRefuse, kDossierNotReceived, kOfficer, G::kNone},
    {kDossierAwaitingFee, kActionWithdraw, kDossierWithdrawn, kCitizen, G::kNone},

    {kDossierSupplement, kActionSupplement, kDossierRegistered, kCitizen, G::kNone},
    {kDossierSupplement, kActionRefuse, kDossierNotReceived, kOfficer, G::kSupplementExpired},
    {kDossierSupplement, kActionWithdraw, kDossierWithdrawn, kCitizen, G::kNotYetProcessed},

    {kDossierReceived, kActionStart, kDossierProcessing, kOfficer, G::kNone},
    {kDossierReceived, kActionFinish, kDossierProcessed, kOfficer, G::kNone},
    {kDossierReceived, kActionTransfer, kDossierReceived, kOfficer, G::kNone},
    {kDossierReceived, kActionRequestSupplement, kDossierSupplement, kOfficer, G::kNone},
    {kDossierReceived, kActionStop, kDossierStopped, kOfficer, G::kNone},
    {kDossierReceived, kActionApologize, kDossierReceived, kOfficer, G::kOverdue},
    // "Rút hồ sơ" only before processing starts.
    {kDossierReceived, kActionWithdraw, kDossierWithdrawn, kCitizen, G::kNone},

    {kDossierProcessing, kActionFinish, kDossierProcessed, kOfficer, G::kNone},
    {kDossierProcessing, kActionTransfer, kDossierProcessing, kOfficer, G::kNone},
    {kDossierProcessing, kActionRequestSupplement, kDossierSupplement, kOfficer, G::kNone},
    {kDossierProcessing, kActionStop, kDossierStopped, kOfficer, G::kNone},
    {kDossierProcessing, kActionApologize, kDossierProcessing, kOfficer, G::kOverdue},

    {kDossierProcessed, kActionReturn, kDossierReturned, kOfficer, G::kApologyIfOverdue},
    {kDossierProcessed, kActionApologize, kDossierProcessed, kOfficer, G::kOverdue},
};

constexpr std::string_view kNoteActions[] = {kActionRefuse,   kActionRequestSupplement,
                                             kActionTransfer, kActionStop,
                                             kActionWithdraw, kActionApologize};

constexpr long long kDay = 24 * 3600;
constexpr long long kStartOfDay = 7 * 3600 + 1800;  // 7:30
constexpr long long kEndOfDay = 17 * 3600;          // 17:00
constexpr long long kCutOff = 15 * 3600;            // 15:00

bool guard_holds(DossierGuard guard, const DossierFacts& f) {
  switch (guard) {
    case G::kNone:
      return true;
    case G::kSupplementExpired:
      return f.supplement_expired;
    case G::kNotYetProcessed:
      return !f.processing_started;
    case G::kApologyIfOverdue:
      return !f.overdue || f.apology_sent;
    case G::kOverdue:
      return f.overdue;
  }
  return false;
}

long long floor_div(long long a, long long b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

long long local_day(long long at) { return floor_div(at + kVietnamUtcOffset, kDay); }

long long local_moment(long long day, long long seconds) {
  return day * kDay + seconds - kVietnamUtcOffset;
}

bool is_unit_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
}

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::span<const DossierStatus> dossier_statuses() { return kStatuses; }

const DossierStatus* find_dossier_status(std::string_view code) {
  for (const auto& status : kStatuses)
    if (status.code == code) return &status;
  return nullptr;
}

std::span<const DossierTransition> dossier_transitions() { return kTransitions; }

std::optional<std::string_view> next_dossier_status(std::string_view from, std::string_view action,
                                                    std::string_view actor,
                                                    const DossierFacts& facts) {
  for (const auto& t : kTransitions) {
    if (t.from == from && t.action == action && t.actor == actor && guard_holds(t.guard, facts))
      return t.to;
  }
  return std::nullopt;
}

std::vector<std::string_view> dossier_actions(std::string_view status, std::string_view actor,
                                              const DossierFacts& facts) {
  std::vector<std::string_view> actions;
  for (const auto& t : kTransitions) {
    if (t.from != status || t.actor != actor || !guard_holds(t.guard, facts)) continue;
    if (std::find(actions.begin(), actions.end(), t.action) == actions.end())
      actions.push_back(t.action);
  }
  return actions;
}

std::string dossier_action_label_key(std::string_view action) {
  return "services.action." + std::string(action);
}

bool dossier_action_needs_note(std::string_view action) {
  return std::find(std::begin(kNoteActions), std::end(kNoteActions), action) !=
         std::end(kNoteActions);
}

std::string_view initial_dossier_status(bool fee_due) {
  return fee_due ? kDossierAwaitingFee : kDossierRegistered;
}

bool is_unit_code(std::string_view unit) {
  return !unit.empty() && unit.size() <= 36 && std::all_of(unit.begin(), unit.end(), is_unit_char);
}

std::optional<std::string> format_dossier_code(std::string_view unit, long long received_at,
                                               int counter) {
  if (!is_unit_code(unit) || counter < 1 || counter > 9999) return std::nullopt;
  const std::string date = iso_date(local_day(received_at));  // "2023-10-27"
  char tail[16];
  std::snprintf(tail, sizeof tail, "-%.2s%.2s%.2s-%04d", date.c_str() + 2, date.c_str() + 5,
                date.c_str() + 8, counter);
  return std::string(unit) + tail;
}

std::optional<DossierCode> parse_dossier_code(std::string_view code) {
  if (code.size() > kDossierCodeMax) return std::nullopt;
  const auto second = code.rfind('-');
  if (second == std::string_view::npos || second == 0) return std::nullopt;
  const auto first = code.rfind('-', second - 1);
  if (first == std::string_view::npos) return std::nullopt;
  const std::string_view unit = code.substr(0, first);
  const std::string_view date = code.substr(first + 1, second - first - 1);
  const std::string_view counter = code.substr(second + 1);
  if (!is_unit_code(unit) || date.size() != 6 || !all_digits(date) || counter.size() != 4 ||
      !all_digits(counter))
    return std::nullopt;
  const std::string iso = "20" + std::string(date.substr(0, 2)) + "-" +
                          std::string(date.substr(2, 2)) + "-" + std::string(date.substr(4, 2));
  const auto day = parse_calendar_day(iso);
  const int n = std::stoi(std::string(counter));
  if (!day || n < 1) return std::nullopt;
  return DossierCode{std::string(unit), *day, n};
}

long long dossier_due_at(long long received_at, int days, bool after_15_next_day,
                         const WorkCalendar& calendar) {
  long long start = received_at;
  if (after_15_next_day) {
    const long long day = local_day(received_at);
    const long long seconds = received_at + kVietnamUtcOffset - day * kDay;
    if (is_working_day(day, calendar) && seconds >= kCutOff)
      start = local_moment(day + 1, kStartOfDay);
  }
  if (days <= 0) {
    // The same working day: the end of the first working day counting may start on.
    const long long first = add_working_minutes(start, 0, calendar);
    return local_moment(local_day(first), kEndOfDay);
  }
  return answer_deadline(start, days, calendar);
}

std::optional<long long> dossier_due_from_history(std::span<const DossierStatusChange> history,
                                                  int days, bool after_15_next_day,
                                                  const WorkCalendar& calendar) {
  std::optional<long long> received_at;
  std::string_view current;
  for (const auto& change : history) {
    if (change.status == kDossierReceived && current != kDossierReceived) received_at = change.at;
    current = change.status;
  }
  // The clock has not started, or is stopped while a supplement is asked for and accepted.
  if (!received_at || current == kDossierRegistered || current == kDossierAwaitingFee ||
      current == kDossierSupplement)
    return std::nullopt;
  return dossier_due_at(*received_at, days, after_15_next_day, calendar);
}

long long supplement_deadline(long long requested_at, int days) {
  return local_moment(local_day(requested_at) + std::max(days, 0) + 1, 0);
}

}  // namespace cdscb::core
