#pragma once
// A dossier (hồ sơ) of "Dịch vụ công": the status machine of a one-stop desk as a table of allowed
// transitions with who may take each, the dossier code, and the due date in working days. Shared
// by the server and the app; pure functions, no I/O.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/working_hours.h"

namespace cdscb::core {

// Status values as stored and sent in JSON, each with the national code (1–10) the DVCQG sync
// uses.
inline constexpr std::string_view kDossierRegistered = "registered";  // 1 Mới đăng ký
inline constexpr std::string_view kDossierReceived = "received";      // 2 Được tiếp nhận
inline constexpr std::string_view kDossierNotReceived = "not_received";  // 3 Không được tiếp nhận
inline constexpr std::string_view kDossierProcessing = "processing";            // 4 Đang xử lý
inline constexpr std::string_view kDossierSupplement = "supplement_requested";  // 5 Yêu cầu bổ sung
inline constexpr std::string_view kDossierAwaitingFee = "awaiting_fee";  // 6 Chờ nộp phí
inline constexpr std::string_view kDossierWithdrawn = "withdrawn";  // 7 Công dân rút hồ sơ
inline constexpr std::string_view kDossierStopped = "stopped";      // 8 Dừng xử lý
inline constexpr std::string_view kDossierProcessed = "processed";  // 9 Đã xử lý xong
inline constexpr std::string_view kDossierReturned = "returned";    // 10 Đã trả kết quả

struct DossierStatus {
  std::string_view code;
  int national_code;           // TrangThaiHoSo of the national portal
  std::string_view label_key;  // "services.status.<code>" in public/i18n
  bool final;                  // nothing happens to it any more
  bool clock_runs;             // the due date counts (received, processing, processed)
};

// The ten statuses, in the order of the national codes.
std::span<const DossierStatus> dossier_statuses();
const DossierStatus* find_dossier_status(std::string_view code);

// Who takes an action. The system books what outside systems confirm (a fee paid through the
// gateway).
inline constexpr std::string_view kActorCitizen = "citizen";
inline constexpr std::string_view kActorOfficer = "officer";
inline constexpr std::string_view kActorSystem = "system";

// Actions (the API's "action" and the timeline's "what"). Labels: "services.action.<action>".
inline constexpr std::string_view kActionReceive = "receive";  // Tiếp nhận (also a supplement)
inline constexpr std::string_view kActionRefuse = "refuse";    // Từ chối (không tiếp nhận)
inline constexpr std::string_view kActionRequestSupplement = "request_supplement";
inline constexpr std::string_view kActionSupplement = "supplement";  // the citizen's Bổ sung hồ sơ
inline constexpr std::string_view kActionFeePaid = "fee_paid";
inline constexpr std::string_view kActionStart = "start";        // Bắt đầu xử lý
inline constexpr std::string_view kActionTransfer = "transfer";  // Chuyển xử lý (another agency)
inline constexpr std::string_view kActionFinish = "finish";      // Đã xử lý xong
inline constexpr std::string_view kActionReturn = "return_result";  // Trả kết quả
inline constexpr std::string_view kActionStop = "stop";             // Dừng xử lý
inline constexpr std::string_view kActionWithdraw = "withdraw";     // Rút hồ sơ
inline constexpr std::string_view kActionApologize = "apologize";   // Phiếu xin lỗi, new date

// What a transition needs beyond its status, checked against DossierFacts.
enum class DossierGuard {
  kNone,
  kSupplementExpired,  // refusing a dossier that waits for a supplement: its deadline has passed
  kNotYetProcessed,    // withdrawing while a supplement is asked: processing never started
  kApologyIfOverdue,   // returning a result late: the apology letter was sent first
  kOverdue,            // an apology letter only for a dossier past its due date
};

struct DossierTransition {
  std::string_view from;
  std::string_view action;
  std::string_view to;
  std::string_view actor;
  DossierGuard guard;
};

std::span<const DossierTransition> dossier_transitions();

// Facts about one dossier that guards read; the server derives them from its record.
struct DossierFacts {
  bool supplement_expired = false;  // now ≥ supplement_deadline(...)
  bool processing_started = false;  // it has been in "processing" before
  bool overdue = false;             // now > due date
  bool apology_sent = false;        // a Phiếu xin lỗi was sent after it became overdue
};

// The status `action` by `actor` leads to from `from`, or nullopt when the table (with its
// guards) does not allow it.
std::optional<std::string_view> next_dossier_status(std::string_view from, std::string_view action,
                                                    std::string_view actor,
                                                    const DossierFacts& facts = {});

// The actions `actor` may take on a dossier in `status` with `facts` (for the app's buttons and
// the officer's queue), in table order without repeats.
std::vector<std::string_view> dossier_actions(std::string_view status, std::string_view actor,
                                              const DossierFacts& facts = {});

// "services.action.<action>".
std::string dossier_action_label_key(std::string_view action);

// Actions whose record must carry a written note: the reason of a refusal, a stop, a transfer
// and a withdrawal, the list of what is missing, the apology's reason.
bool dossier_action_needs_note(std::string_view action);

// A fee due before receipt puts a new dossier in "Chờ nộp phí"; otherwise it is "Mới đăng ký".
std::string_view initial_dossier_status(bool fee_due);

// ---- Dossier code: {receiving unit's code}-{yyMMdd}-{4-digit daily counter} ----

inline constexpr std::size_t kDossierCodeMax = 50;  // the national portal's MaHoSo

struct DossierCode {
  std::string unit;   // e.g. "000.00.06.H56"
  long long day = 0;  // Vietnam calendar day number (days since 1970-01-01)
  int counter = 0;    // 1–9999, per unit and day
  bool operator==(const DossierCode&) const = default;
};

// A unit code: 1–36 characters of letters, digits and dots (no "-", which separates the parts).
bool is_unit_code(std::string_view unit);

// "000.00.06.H56-231027-0361" for unit "000.00.06.H56", received at 27/10/2023 (Vietnam time),
// counter 361; nullopt for a bad unit or a counter outside 1–9999. `received_at` is Unix seconds.
std::optional<std::string> format_dossier_code(std::string_view unit, long long received_at,
                                               int counter);
// Back into its parts; nullopt when `code` does not follow the pattern (a national portal code
// that replaced ours is stored as it is and simply does not parse).
std::optional<DossierCode> parse_dossier_code(std::string_view code);

// ---- Due date ----

// The due moment of a dossier received at `received_at` (Unix seconds) with `days` working days:
// counted in working time (7:30–11:30, 13:30–17:00, holidays off), so a dossier received at 9:32
// on a Friday with 5 days is due at 9:32 the next Friday. With `after_15_next_day`, a dossier
// received at or after 15:00 starts counting from the next working day at 7:30 and is due at the
// end of its last day; 0 days then means the end of that next working day.
long long dossier_due_at(long long received_at, int days, bool after_15_next_day,
                         const WorkCalendar& calendar);

// One change of a dossier's status, in time order.
struct DossierStatusChange {
  long long at = 0;
  std::string_view status;
};

// The due date over a dossier's history: counted from the last time it was received. A request
// for supplements stops the clock (no due date while it waits: nullopt), and the full time
// restarts from the moment the supplement is accepted (received again). nullopt before it is
// first received, or when it was refused or withdrawn before that.
std::optional<long long> dossier_due_from_history(std::span<const DossierStatusChange> history,
                                                  int days, bool after_15_next_day,
                                                  const WorkCalendar& calendar);

// The supplement deadline: the end of the `days`-th calendar day (Vietnam time) after the day
// of the request, as the national one-stop software counts it.
long long supplement_deadline(long long requested_at, int days);

}  // namespace cdscb::core
