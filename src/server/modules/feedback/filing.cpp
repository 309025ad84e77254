#include "modules/feedback/filing.h"

#include "core/feedback.h"
#include "core/working_hours.h"
#include "modules/calendar/holidays.h"

namespace cdscb::server::feedback {

long long file_feedback(soci::session& sql, Feedback& feedback, const FieldInfo& field,
                        const Filer& filer, long long now) {
  feedback.user_id = filer.user_id;
  feedback.field = field.code;
  feedback.agency = field.agency;
  feedback.status = std::string(core::kStatusSubmitted);
  feedback.created_at = feedback.updated_at = now;
  const core::WorkCalendar calendar = calendar::work_calendar(sql);
  feedback.receive_deadline = core::receive_deadline(now, calendar);
  feedback.answer_deadline = core::answer_deadline(now, field.answer_days, calendar);
  feedback.id = insert_feedback(sql, feedback);
  insert_update(sql, feedback.id,
                {.actor_id = filer.user_id,
                 .actor_role = filer.role,
                 .action = "submit",
                 .status = feedback.status,
                 .note = filer.note,
                 .created_at = now});
  return feedback.id;
}

}  // namespace cdscb::server::feedback
