// What the author does with their answered feedback: rate the answer, reopen once.
#include <soci/soci.h>

#include "core/feedback.h"
#include "core/text.h"
#include "core/working_hours.h"
#include "modules/accounts/access.h"
#include "modules/calendar/holidays.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/limits.h"
#include "modules/feedback/messages.h"
#include "modules/feedback/reference_data.h"

namespace cdscb::server::feedback {
namespace {

constexpr std::size_t kCommentMax = 1000;  // code points

// The caller's own feedback, locked for a change (see load_feedback).
Feedback load_own(soci::session& sql, db::Backend backend, const http::Request& request,
                  const accounts::AuthUser& user) {
  Feedback feedback = load_feedback(sql, request, backend);
  const bool author = feedback.user_id == user.id;
  // Someone else's feedback: as good as missing unless they may see it.
  accounts::require_visible(author || feedback.published || official_for(user, feedback),
                            messages::kNotFound);
  accounts::require(author);
  return feedback;
}

http::Response rate(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const nlohmann::json body = http::parse_json_object(request);
  db::Transaction transaction(sql, deps.database.backend());
  const Feedback read = load_own(sql, deps.database.backend(), request, user);
  Feedback feedback = read;
  http::FieldErrors errors;
  const auto stars = body.find("stars");
  if (stars == body.end() || !stars->is_number_integer() || stars->get<int>() < 1 ||
      stars->get<int>() > 5) {
    errors.add("stars", messages::kStarsInvalid);
  }
  std::string comment = core::trim_blank(http::string_field(body, "comment", errors).value_or(""));
  if (!core::is_valid_utf8(comment)) {
    errors.add("comment", core::kFeedbackInvalidText);
  } else if (core::count_code_points(comment) > kCommentMax) {
    errors.add("comment", messages::kCommentTooLong);
  }
  errors.throw_if_any();
  if (feedback.status != core::kStatusResolved && feedback.status != core::kStatusRejected) {
    throw http::HttpError(409, "invalid_transition", messages::kNotAnswered);
  }
  if (feedback.rating_stars) throw http::HttpError(409, "already_rated", messages::kAlreadyRated);
  const long long now = now_seconds(deps);
  feedback.rating_stars = stars->get<int>();
  feedback.rating_comment = comment;
  record_update(sql, feedback, read,
                {.actor_id = user.id,
                 .actor_role = std::string(core::role_name(user.role)),
                 .action = "rate",
                 .status = feedback.status,
                 .note = comment.empty() ? std::nullopt : std::optional(comment),
                 .created_at = now},
                now);
  transaction.commit();
  return feedback_answer(sql, deps, feedback, user);
}

http::Response reopen(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const nlohmann::json body = http::parse_json_object(request);
  db::Transaction transaction(sql, deps.database.backend());
  const Feedback read = load_own(sql, deps.database.backend(), request, user);
  Feedback feedback = read;
  http::FieldErrors errors;
  const std::string reason =
      core::trim_blank(http::string_field(body, "reason", errors).value_or(""));
  if (!errors.has("reason")) {
    if (!core::is_valid_utf8(reason)) {
      errors.add("reason", core::kFeedbackInvalidText);
    } else if (reason.empty()) {
      errors.add("reason", messages::kNoteRequiredReason);
    } else if (core::count_code_points(reason) > core::kFeedbackNoteMax) {
      errors.add("reason", messages::kNoteTooLong);
    }
  }
  errors.throw_if_any();
  const auto next = core::next_feedback_status(feedback.status, "reopen", feedback.reopened);
  if (!next) throw http::HttpError(409, "invalid_transition", messages::kCannotReopen);
  const long long now = now_seconds(deps);
  const auto field = find_field(sql, feedback.field);
  feedback.status = std::string(*next);
  feedback.reopened = true;
  feedback.rating_stars.reset();
  feedback.rating_comment.reset();
  feedback.answer_deadline =
      core::answer_deadline(now, field ? field->answer_days : 10, calendar::work_calendar(sql));
  record_update(sql, feedback, read,
                {.actor_id = user.id,
                 .actor_role = std::string(core::role_name(user.role)),
                 .action = "reopen",
                 .status = feedback.status,
                 .note = reason,
                 .created_at = now},
                now);
  transaction.commit();
  return feedback_answer(sql, deps, feedback, user);
}

}  // namespace

void register_author_routes(http::Router& router, const FeedbackDeps& deps) {
  router.post("/api/v1/feedback/{id}/rating",
              [deps](const http::Request& request) { return rate(deps, request); });
  router.post("/api/v1/feedback/{id}/reopen",
              [deps](const http::Request& request) { return reopen(deps, request); });
}

}  // namespace cdscb::server::feedback
