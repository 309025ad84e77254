// Filing new feedback: the one way a row enters the feedback table, whether a citizen sent it
// from the app or another system posted it through Open311 (modules/open311).
#pragma once

#include <optional>
#include <string>

#include "modules/feedback/reference_data.h"
#include "modules/feedback/store.h"

namespace cdscb::server::feedback {

// Who filed it, for the "submit" entry of the timeline.
struct Filer {
  long long user_id = 0;
  std::string role;                 // core::role_name of the filer
  std::optional<std::string> note;  // e.g. "Open311"
};

// Gives `feedback` the agency of `field`, the time `now` and its deadlines from the working-day
// calendar, inserts it with the "submit" update, and returns its id. `feedback` holds the
// validated draft (title, content, place, photos). Call it inside the caller's transaction.
long long file_feedback(soci::session& sql, Feedback& feedback, const FieldInfo& field,
                        const Filer& filer, long long now);

}  // namespace cdscb::server::feedback
