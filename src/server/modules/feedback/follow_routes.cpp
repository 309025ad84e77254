// Following feedback and "Phản ánh tương tự": before sending, a citizen sees the open feedback of
// the same field nearby and may follow one instead of sending a duplicate. Published feedback is
// shown and followed by id, as everywhere; unpublished feedback only in the follower view
// (follower_view.h), followed by the token the similar answer hands out, so that walking ids
// learns nothing of it.
#include <soci/soci.h>

#include <algorithm>
#include <cmath>

#include "core/feedback.h"
#include "core/feedback_listed_json.h"
#include "http/rate_limit.h"
#include "modules/feedback/follow_tokens.h"
#include "modules/feedback/follower_view.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/limits.h"
#include "modules/feedback/messages.h"
#include "modules/feedback/reference_data.h"
#include "util/strings.h"

namespace cdscb::server::feedback {
namespace {

constexpr double kSimilarRadius = 200;  // metres
constexpr double kMetresPerDegree = 111320;
constexpr std::size_t kSimilarMax = 20;
// Distances to unpublished feedback in steps this coarse: enough to tell "this is the same
// pothole", too coarse to put a pin on someone's house.
constexpr double kDistanceStep = 50;

// Following by id: only feedback the caller may see (published, theirs, their agency's); other
// ids answer as if missing.
http::Response set_following(const FeedbackDeps& deps, const http::Request& request, bool on) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  if (auto refused = http::check_rate_limits(sql, {kFollowPerHour, kFollowPerDay},
                                             http::account_key(user.id), now_seconds(deps))) {
    return *refused;
  }
  const Feedback feedback = load_feedback(sql, request);
  if (!view_for(sql, feedback, user)) throw http::HttpError(404, "not_found", messages::kNotFound);
  if (on) {
    follow(sql, feedback.id, user.id, now_seconds(deps));
  } else {
    unfollow(sql, feedback.id, user.id);
  }
  return http::no_content();
}

// The feedback of a follow token; 404 for an unknown one.
Feedback load_by_token(soci::session& sql, std::string_view token) {
  if (const auto id = feedback_of_follow_token(sql, token)) {
    if (auto feedback = find_feedback(sql, *id)) return *feedback;
  }
  throw http::HttpError(404, "not_found", messages::kNotFound);
}

// POST /api/v1/feedback/following {"token"}: follows the feedback of a token "Phản ánh tương tự"
// gave; answers 200 {"item"} in the view the caller may have of it.
http::Response follow_by_token(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  if (auto refused = http::check_rate_limits(sql, {kFollowPerHour, kFollowPerDay},
                                             http::account_key(user.id), now_seconds(deps))) {
    return *refused;
  }
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const std::string token = http::string_field(body, "token", errors).value_or("");
  errors.throw_if_any();
  const Feedback feedback = load_by_token(sql, token);
  const long long now = now_seconds(deps);
  follow(sql, feedback.id, user.id, now);
  return http::no_store(
      http::Response::json(200, {{"item", listed_json(sql, deps, feedback, user, now, true)}}));
}

http::Response unfollow_by_token(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  if (auto refused = http::check_rate_limits(sql, {kFollowPerHour, kFollowPerDay},
                                             http::account_key(user.id), now_seconds(deps))) {
    return *refused;
  }
  const Feedback feedback = load_by_token(sql, request.param("token").value_or(""));
  unfollow(sql, feedback.id, user.id);
  return http::no_content();
}

// GET /api/v1/feedback/following: what I follow, the latest followed first. The cursor is an
// offset, since a row key would be the id of feedback I may not know.
http::Response following(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  http::FieldErrors errors;
  const Page page = read_page(request, errors);
  errors.throw_if_any();
  std::vector<long long> ids;
  long long id = 0;
  const long long fetch = page.limit + 1;
  soci::statement statement =
      (sql.prepare << "SELECT feedback_id FROM feedback_followers WHERE user_id = :user_id "
                      "ORDER BY created_at DESC, feedback_id DESC LIMIT :fetch OFFSET :skip",
       soci::use(user.id), soci::use(fetch), soci::use(page.after), soci::into(id));
  statement.execute();
  while (statement.fetch()) ids.push_back(id);
  const bool more = static_cast<long long>(ids.size()) > page.limit;
  if (more) ids.pop_back();
  const long long now = now_seconds(deps);
  nlohmann::json items = nlohmann::json::array();
  for (const long long feedback_id : ids) {
    if (const auto feedback = find_feedback(sql, feedback_id)) {
      items.push_back(listed_json(sql, deps, *feedback, user, now, true));
    }
  }
  const long long shown = page.after + static_cast<long long>(ids.size());
  return http::no_store(
      http::Response::json(200, {{"items", items}, {"next_cursor", cursor_json(more, shown)}}));
}

std::optional<double> number_param(const http::Request& request, std::string_view name) {
  return util::parse_double(request.query_param(name).value_or(""));
}

// GET /api/v1/feedback/similar?field=&lat=&lng=: open feedback of the field within 200 m,
// nearest first. Signed-in callers only, so that a limit per account can hold it back.
http::Response similar(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser viewer = deps.sessions.require_user(sql, request);
  if (auto refused = http::check_rate_limits(sql, {kSimilarPerHour, kSimilarPerDay},
                                             http::account_key(viewer.id), now_seconds(deps))) {
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
    core::ListedFeedback item = listed_feedback(sql, deps, *feedback, viewer, now, false);
    // Feedback the caller may see has its exact distance; the follower view a coarse one.
    if (item.record) {
      item.record->distance_m = std::llround(distance);
    } else {
      item.follower.distance_m = std::llround(distance / kDistanceStep) * kDistanceStep;
    }
    items.push_back(core::listed_feedback_json<nlohmann::json>(item));
  }
  return http::no_store(http::Response::json(200, {{"items", items}}));
}

}  // namespace

void register_follow_routes(http::Router& router, const FeedbackDeps& deps) {
  router.post("/api/v1/feedback/{id}/follow",
              [deps](const http::Request& request) { return set_following(deps, request, true); });
  router.del("/api/v1/feedback/{id}/follow",
             [deps](const http::Request& request) { return set_following(deps, request, false); });
  router.get("/api/v1/feedback/following",
             [deps](const http::Request& request) { return following(deps, request); });
  router.post("/api/v1/feedback/following",
              [deps](const http::Request& request) { return follow_by_token(deps, request); });
  router.del("/api/v1/feedback/following/{token}",
             [deps](const http::Request& request) { return unfollow_by_token(deps, request); });
  router.get("/api/v1/feedback/similar",
             [deps](const http::Request& request) { return similar(deps, request); });
}

}  // namespace cdscb::server::feedback
