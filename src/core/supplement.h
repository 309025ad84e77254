#pragma once
// "Yêu cầu bổ sung": an officer asks, once and in writing, for everything a dossier lacks, with the
// reason and the number of days the citizen has (the clock of the dossier stops meanwhile, see
// core/dossier.h). Checked by the server before it is stored and by the app beside the fields.
#include <string>
#include <vector>

#include "core/form_validation.h"
#include "core/json_read.h"
#include "core/procedure.h"

namespace cdscb::core {

struct SupplementRequest {
  std::vector<std::string> items;   // each thing missing, one line each
  std::vector<std::string> papers;  // codes of the procedure's papers to attach (may be empty)
  std::string reason;
  int days = 0;  // calendar days to supplement in (supplement_deadline)
  bool operator==(const SupplementRequest&) const = default;
};

// Our own bounds (no rule found): a month at most, so that a dossier cannot wait for ever.
inline constexpr int kSupplementDaysMax = 30;
inline constexpr std::size_t kSupplementItemMax = 500;     // code points
inline constexpr std::size_t kSupplementReasonMax = 2000;  // code points
inline constexpr std::size_t kSupplementItemsMax = 30;

inline constexpr std::string_view kSupplementItemsRequired = "validation.supplement.items_required";
inline constexpr std::string_view kSupplementReasonRequired =
    "validation.supplement.reason_required";
inline constexpr std::string_view kSupplementTooManyItems = "validation.supplement.too_many_items";
inline constexpr std::string_view kSupplementDaysInvalid = "validation.supplement.days_invalid";

// Errors keyed "items", "papers", "reason", "days": at least one item (blank lines do not
// count), none too long, papers the procedure lists, a reason, 1–30 days.
FieldErrors validate_supplement_request(const SupplementRequest& request,
                                        const Procedure& procedure);

template <class Json>
Json supplement_request_json(const SupplementRequest& r) {
  return Json{{"items", r.items}, {"papers", r.papers}, {"reason", r.reason}, {"days", r.days}};
}

template <class Json>
SupplementRequest supplement_request_from_json(const Json& j) {
  return {json_read::string_list(j, "items"), json_read::string_list(j, "papers"),
          json_read::text(j, "reason"),
          static_cast<int>(json_read::optional_integer(j, "days").value_or(0))};
}

}  // namespace cdscb::core
