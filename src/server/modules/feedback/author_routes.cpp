// What the author and other citizens do with existing feedback: rate the answer, reopen once,
// follow, and look for similar feedback nearby before sending a duplicate.
#include <soci/soci.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/feedback.h"
#include "core/text.h"
#include "core/working_hours.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/holidays.h"
#include "modules/feedback/limits.h"
#include "modules/feedback/messages.h"
#include "modules/feedback/reference_data.h"

namespace cdscb::server::feedback {
namespace {

constexpr std::size_t kCommentMax = 1000;  // code points
constexpr double kSimilarRadius = 200;     // metres
constexpr double kMetresPerDegree = 111320;
constexpr std::size_t kSimilarMax = 20;

// The caller's own feedback, locked for a change (see load_feedback).
Feedback load_own(soci::session& sql, db::Backend backend, const http::Request& request,
                  const accounts::AuthUser& user) {
  Feedback feedback = load_feedback(sql, request, backend);
  if (feedback.user_id != user.id) {
    // Someone else's feedback: as good as missing unless they may see it.
    if (feedback.published || official_for(user, feedback)) {
      throw http::HttpError(403, "forbidden", messages::kForbidden);
    }
    throw http::HttpError(404, "not_found", messages::kNotFound);
  }
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
                 .actor_role = user.role,
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
      core::answer_deadline(now, field ? field->answer_days : 10, work_calendar(sql));
  record_update(sql, feedback, read,
                {.actor_id = user.id,
                 .actor_role = user.role,
                 .action = "reopen",
                 .status = feedback.status,
                 .note = reason,
                 .created_at = now},
                now);
  transaction.commit();
  return feedback_answer(sql, deps, feedback, user);
}

// Following is open to any signed-in user for feedback they can see, and for open feedback that
// "Phản ánh tương tự" shows them.
http::Response set_following(const FeedbackDeps& deps, const http::Request& request, bool on) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  if (auto refused = http::check_rate_limits(sql, {kFollowPerHour, kFollowPerDay},
                                             http::account_key(user.id), now_seconds(deps))) {
    return *refused;
  }
  const Feedback feedback = load_feedback(sql, request);
  const auto* status = core::find_feedback_status(feedback.status);
  if (!view_for(sql, feedback, user) && !(status && status->open)) {
    throw http::HttpError(404, "not_found", messages::kNotFound);
  }
  if (on) {
    follow(sql, feedback.id, user.id, now_seconds(deps));
  } else {
    unfollow(sql, feedback.id, user.id);
  }
  return no_content();
}

std::optional<double> number_param(const http::Request& request, std::string_view name) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

http::Response similar(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto viewer = deps.sessions.authenticate(sql, request);
  if (auto refused = http::check_rate_limits(
          sql, {kSimilarPerHour, kSimilarPerDay},
          viewer ? http::account_key(viewer->id) : http::address_key(request), now_seconds(deps))) {
    return *refused;
  }
  http::FieldErrors errors;
  const std::string field(request.query_param("field").value_or(""));
  if (!find_field(sql, field)) errors.add("field", messages::kFieldUnknown);
  const auto lat = number_param(request, "lat");
  const auto lng = number_param(request, "lng");
  if (!lat || std::abs(*lat) > 90) errors.add("lat", messages::kCoordinateInvalid);
  if (!lng || std::abs(*lng) > 180) errors.add("lng", messages::kCoordinateInvalid);
  errors.throw_if_any();

  // A box around the point on the (lat, lng) index, then the exact distance here.
  const double dlat = kSimilarRadius / kMetresPerDegree;
  const double dlng =
      kSimilarRadius / (kMetresPerDegree * std::max(0.01, std::cos(*lat * M_PI / 180)));
  const double lat_min = *lat - dlat, lat_max = *lat + dlat;
  const double lng_min = *lng - dlng, lng_max = *lng + dlng;
  std::vector<std::pair<double, long long>> near;
  long long id = 0;
  double row_lat = 0, row_lng = 0;
  soci::statement statement =
      (sql.prepare << "SELECT id, lat, lng FROM feedback WHERE lat BETWEEN :lat_min AND :lat_max "
                      "AND lng BETWEEN :lng_min AND :lng_max AND field = :field AND status IN "
                      "('submitted', 'received', 'in_progress', 'transferred')",
       soci::use(lat_min), soci::use(lat_max), soci::use(lng_min), soci::use(lng_max),
       soci::use(field), soci::into(id), soci::into(row_lat), soci::into(row_lng));
  statement.execute();
  while (statement.fetch()) {
    const double distance = core::distance_m(*lat, *lng, row_lat, row_lng);
    if (distance <= kSimilarRadius) near.emplace_back(distance, id);
  }
  std::sort(near.begin(), near.end());
  if (near.size() > kSimilarMax) near.resize(kSimilarMax);
  const long long now = now_seconds(deps);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [distance, feedback_id] : near) {
    const auto feedback = find_feedback(sql, feedback_id);
    if (!feedback) continue;
    nlohmann::json item =
        feedback_json(sql, deps, *feedback, feedback->published ? View::kPublic : View::kRedacted,
                      viewer, now, false);
    item["distance_m"] = std::round(distance);
    items.push_back(item);
  }
  return no_store(http::Response::json(200, {{"items", items}}));
}

}  // namespace

void register_author_routes(http::Router& router, const FeedbackDeps& deps) {
  router.post("/api/v1/feedback/{id}/rating",
              [deps](const http::Request& request) { return rate(deps, request); });
  router.post("/api/v1/feedback/{id}/reopen",
              [deps](const http::Request& request) { return reopen(deps, request); });
  router.post("/api/v1/feedback/{id}/follow",
              [deps](const http::Request& request) { return set_following(deps, request, true); });
  router.del("/api/v1/feedback/{id}/follow",
             [deps](const http::Request& request) { return set_following(deps, request, false); });
  router.get("/api/v1/feedback/similar",
             [deps](const http::Request& request) { return similar(deps, request); });
}

}  // namespace cdscb::server::feedback
