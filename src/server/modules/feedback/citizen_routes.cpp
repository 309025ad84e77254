// Sending and following feedback: the fields to choose from, creating (with Idempotency-Key),
// my list and the detail with its timeline.
#include <soci/soci.h>

#include <cmath>

#include "core/feedback.h"
#include "core/working_hours.h"
#include "db/idempotency.h"
#include "modules/accounts/access.h"
#include "modules/feedback/filing.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/limits.h"
#include "modules/feedback/messages.h"
#include "modules/feedback/reference_data.h"

namespace cdscb::server::feedback {
namespace {

// Content is at most 5000 code points of up to 4 bytes; anything much larger is refused unread.
constexpr std::size_t kCreateMaxBytes = 64 * 1024;

http::Response list_fields_handler(const FeedbackDeps& deps) {
  soci::session sql(deps.database.pool());
  nlohmann::json list = nlohmann::json::array();
  for (const FieldInfo& field : list_fields(sql)) {
    list.push_back({{"code", field.code},
                    {"name", field.name},
                    {"agency", {{"code", field.agency}, {"name", field.agency_name}}},
                    {"answer_days", field.answer_days},
                    {"publish_by_default", field.publish_by_default}});
  }
  return http::Response::json(200, {{"fields", list}});
}

// body["location"] as a location; nullopt (and a field error unless absent) otherwise.
std::optional<core::FeedbackLocation> read_location(const nlohmann::json& body,
                                                    http::FieldErrors& errors) {
  const auto it = body.find("location");
  if (it == body.end() || it->is_null()) return std::nullopt;
  const auto number = [&](const char* key) -> std::optional<double> {
    const auto member = it->find(key);
    if (member == it->end() || !member->is_number()) return std::nullopt;
    return member->get<double>();
  };
  const auto lat = it->is_object() ? number("lat") : std::nullopt;
  const auto lng = it->is_object() ? number("lng") : std::nullopt;
  if (!lat || !lng) {
    errors.add("location", messages::kLocationInvalid);
    return std::nullopt;
  }
  core::FeedbackLocation location{.lat = *lat, .lng = *lng, .accuracy_m = number("accuracy_m")};
  if (location.accuracy_m && (*location.accuracy_m < 0 || !std::isfinite(*location.accuracy_m))) {
    location.accuracy_m.reset();
  }
  return location;
}

}  // namespace

// Media ids from body[key]: an array of strings, each an uploaded photo.
std::vector<std::string> read_photo_ids(const FeedbackDeps& deps, soci::session& sql,
                                        const accounts::AuthUser& writer,
                                        const nlohmann::json& body, const std::string& key,
                                        http::FieldErrors& errors) {
  std::vector<std::string> ids;
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return ids;
  if (!it->is_array()) {
    errors.add(key, messages::kPhotosInvalid);
    return ids;
  }
  for (const auto& id : *it) {
    if (!id.is_string() || id.get<std::string>().size() != 64 ||
        id.get<std::string>().find_first_not_of("0123456789abcdef") != std::string::npos) {
      errors.add(key, messages::kPhotosInvalid);
      return ids;
    }
    ids.push_back(id.get<std::string>());
  }
  if (ids.size() > core::kFeedbackPhotosMax) {
    errors.add(key, core::kTooManyPhotos);
    return ids;
  }
  for (const auto& id : ids) {
    if (deps.photos.exists && !deps.photos.exists(id)) {
      errors.add(key, messages::kPhotoUnknown);
      return ids;
    }
  }
  if (!may_attach_photos(sql, writer, ids)) errors.add(key, messages::kPhotoNotYours);
  return ids;
}

namespace {

http::Response create_feedback(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const db::IdempotencyKey key = db::read_idempotency_key(request, user.id, "feedback");
  const long long now = now_seconds(deps);
  // 201 with the new record; 200 with the one an earlier request with the key made.
  const auto created_answer = [&](long long id, bool created) {
    const Feedback stored = *find_feedback(sql, id);
    return http::Response::json(
        created ? 201 : 200,
        {{"feedback", feedback_json(sql, deps, stored, View::kFull, user, now, false)}});
  };
  // A retry of a request that has been answered: the same record, whatever has changed since.
  if (const auto existing = db::find_idempotent(sql, key)) return created_answer(*existing, false);
  // A replay of a key already used is not counted: the outbox resends after a lost answer.
  if (auto refused = http::check_rate_limits(sql, {kCreatePerHour, kCreatePerDay},
                                             http::account_key(user.id), now)) {
    return *refused;
  }
  const nlohmann::json body = http::parse_json_object(request, kCreateMaxBytes);
  http::FieldErrors errors;
  core::FeedbackDraft draft;
  const auto text = [&](const char* name, std::string& out) {
    if (auto value = http::string_field(body, name, errors)) out = std::move(*value);
  };
  text("title", draft.title);
  text("content", draft.content);
  text("field", draft.field);
  text("address", draft.address);
  text("commune", draft.commune);
  draft.location = read_location(body, errors);
  draft.photos = read_photo_ids(deps, sql, user, body, "photos", errors);
  if (const auto it = body.find("anonymous"); it != body.end() && !it->is_null()) {
    if (it->is_boolean()) {
      draft.anonymous = it->get<bool>();
    } else {
      errors.add("anonymous", messages::kNotABoolean);
    }
  }
  const auto problems = core::validate_feedback(draft);
  for (const auto& [name, message] : problems) errors.add(name, message);
  const auto field = find_field(sql, core::trim_blank(draft.field));
  if (!errors.has("field") && !field) errors.add("field", messages::kFieldUnknown);
  if (!errors.empty()) {
    const auto location = problems.find("location");
    if (location != problems.end() && location->second == core::kOutsideProvince) {
      throw http::HttpError(422, "outside_province", core::kOutsideProvince, errors.to_json());
    }
    errors.throw_if_any();
  }

  Feedback feedback;
  feedback.title = core::trim_blank(draft.title);
  feedback.content = core::trim_blank(draft.content);
  feedback.lat = draft.location->lat;
  feedback.lng = draft.location->lng;
  feedback.accuracy_m = draft.location->accuracy_m;
  if (const std::string address = core::trim_blank(draft.address); !address.empty()) {
    feedback.address = address;
  }
  if (!draft.commune.empty()) feedback.commune = draft.commune;
  feedback.photos = draft.photos;
  feedback.anonymous = draft.anonymous;
  // A retry racing this request waits for its claim of the key, then answers with its record.
  const db::Created created = db::create_once(sql, deps.database.backend(), key, now, [&] {
    return file_feedback(sql, feedback, *field,
                         {.user_id = user.id, .role = std::string(core::role_name(user.role))},
                         now);
  });
  return created_answer(created.id, created.created);
}

http::Response mine(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  http::FieldErrors errors;
  const Page page = read_page(request, errors);
  errors.throw_if_any();
  // Newest first: the cursor is the last id shown; 0 means from the top.
  const long long before = page.after > 0 ? page.after : std::numeric_limits<long long>::max();
  const long long fetch = page.limit + 1;
  std::vector<long long> ids;
  long long id = 0;
  soci::statement statement =
      (sql.prepare << "SELECT id FROM feedback WHERE user_id = :user_id AND id < :before "
                      "ORDER BY id DESC LIMIT :fetch",
       soci::use(user.id), soci::use(before), soci::use(fetch), soci::into(id));
  statement.execute();
  while (statement.fetch()) ids.push_back(id);
  const bool more = static_cast<long long>(ids.size()) > page.limit;
  if (more) ids.pop_back();
  const long long now = now_seconds(deps);
  const nlohmann::json items = feedback_list_json(sql, deps, ids, View::kFull, user, now);
  return http::no_store(http::Response::json(
      200, {{"items", items}, {"next_cursor", cursor_json(more, ids.empty() ? 0 : ids.back())}}));
}

http::Response detail(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const auto viewer = deps.sessions.authenticate(sql, request);
  const Feedback feedback = load_feedback(sql, request);
  const auto view = view_for(sql, feedback, viewer);
  if (!view) throw http::HttpError(404, "not_found", messages::kNotFound);
  return http::no_store(http::Response::json(
      200,
      {{"feedback", feedback_json(sql, deps, feedback, *view, viewer, now_seconds(deps), true)}}));
}

}  // namespace

void register_citizen_routes(http::Router& router, const FeedbackDeps& deps) {
  router.get("/api/v1/feedback/fields",
             [deps](const http::Request&) { return list_fields_handler(deps); });
  router.post("/api/v1/feedback",
              [deps](const http::Request& request) { return create_feedback(deps, request); });
  router.get("/api/v1/feedback/mine",
             [deps](const http::Request& request) { return mine(deps, request); });
  router.get("/api/v1/feedback/{id}",
             [deps](const http::Request& request) { return detail(deps, request); });
}

}  // namespace cdscb::server::feedback
