// The feedback JSON in its three views, and who may see what.
#include <soci/soci.h>

#include "core/communes.h"
#include "core/feedback.h"
#include "core/feedback_json.h"
#include "http/pagination.h"
#include "modules/agencies/store.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/messages.h"
#include "modules/feedback/reference_data.h"
#include "util/time.h"

namespace cdscb::server::feedback {
namespace {

constexpr std::string_view kCursorPrefix = "c";
constexpr long long kDefaultLimit = 20;
constexpr long long kMaxLimit = 100;

std::string time_text(long long seconds) {
  return util::rfc3339_utc(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

std::vector<core::FeedbackPhoto> photos_of(const FeedbackDeps& deps,
                                           const std::vector<std::string>& ids) {
  std::vector<core::FeedbackPhoto> list;
  for (const auto& id : ids) {
    list.push_back({.id = id,
                    .url = deps.photos.url ? deps.photos.url(id) : "/media/" + id + ".jpg",
                    .thumb_url = deps.photos.thumb_url ? deps.photos.thumb_url(id)
                                                       : "/media/" + id + "-w320.jpg"});
  }
  return list;
}

core::CodeName code_name(const std::string& code, const std::optional<std::string>& name) {
  return {code, name.value_or(code)};
}

// Who acted: officials by name and agency, the author as "Người phản ánh" in public views.
core::FeedbackActor actor_of(soci::session& sql, const Update& update, View view) {
  if (!update.actor_id) return {std::nullopt, update.actor_role};
  const auto user = find_user_name(sql, *update.actor_id);
  const bool official = core::is_official(core::role_or_citizen(update.actor_role));
  std::string name = user ? user->full_name : "";
  if (!official && view != View::kFull) name = std::string(messages::kAuthorLabel);
  if (official && view != View::kFull && update.agency) {
    name = agencies::name_of(sql, *update.agency).value_or(name);
  }
  if (name.empty()) name = std::string(messages::kDeletedAccount);
  return {name, update.actor_role};
}

std::optional<core::FeedbackAnswer> answer_of(const RecordContext& context,
                                              const FeedbackDeps& deps, const Feedback& f,
                                              bool full) {
  if (!f.answer_text) return std::nullopt;
  core::FeedbackAnswer answer{.text = *f.answer_text,
                              .photos = photos_of(deps, f.answer_photos),
                              .at = std::nullopt,
                              .by = std::nullopt};
  if (f.answer_at) answer.at = time_text(*f.answer_at);
  if (f.answer_by) {
    const UserName* official = context.user(*f.answer_by);
    const std::string agency = official && official->agency ? *official->agency : f.agency;
    const std::string agency_label = context.agency_name(agency).value_or(agency);
    answer.by =
        core::FeedbackAnswerBy{full && official ? official->full_name : agency_label, agency_label};
  }
  return answer;
}

std::vector<core::FeedbackUpdate> updates_of(soci::session& sql, const FeedbackDeps& deps,
                                             const Feedback& f, View view) {
  const bool full = view == View::kFull;
  std::vector<core::FeedbackUpdate> list;
  for (const Update& update : list_updates(sql, f.id)) {
    // A rating is between the author and the agency; the public sees the process only.
    if (!full && update.action == "rate") continue;
    core::FeedbackUpdate u{.at = time_text(update.created_at),
                           .actor = actor_of(sql, update, view),
                           .action = update.action,
                           .status = update.status,
                           .status_label = std::string(core::feedback_status_label(update.status)),
                           .note = std::nullopt,
                           .photos = {}};
    if (update.note && (full || update.action != "assign")) u.note = *update.note;
    u.photos = photos_of(deps, update.photos);
    list.push_back(std::move(u));
  }
  return list;
}

}  // namespace

long long now_seconds(const FeedbackDeps& deps) {
  return accounts::unix_seconds(deps.sessions.clock()());
}

bool overdue(const Feedback& f, long long now) {
  const auto* status = core::find_feedback_status(f.status);
  if (!status || !status->open) return false;
  const bool waiting = f.status == core::kStatusSubmitted || f.status == core::kStatusTransferred;
  return (waiting && now > f.receive_deadline) || now > f.answer_deadline;
}

std::optional<View> view_for(soci::session& sql, const Feedback& feedback,
                             const std::optional<accounts::AuthUser>& viewer) {
  if (viewer && (viewer->id == feedback.user_id || official_for(*viewer, feedback))) {
    return View::kFull;
  }
  if (feedback.published) return View::kPublic;
  return std::nullopt;
}

const UserName* RecordContext::user(long long id) const {
  const auto it = users.find(id);
  return it == users.end() ? nullptr : &it->second;
}

std::optional<std::string> RecordContext::agency_name(const std::string& code) const {
  const auto it = agency_names.find(code);
  return it == agency_names.end() ? std::nullopt : std::optional(it->second);
}

RecordContext record_context(soci::session& sql, const std::vector<Feedback>& list, View view,
                             const std::optional<accounts::AuthUser>& viewer) {
  RecordContext context;
  if (list.empty()) return context;
  std::set<std::string> field_codes;
  std::set<long long> user_ids;
  std::vector<long long> ids;
  for (const Feedback& f : list) {
    ids.push_back(f.id);
    field_codes.insert(f.field);
    if (view == View::kFull) {
      user_ids.insert(f.user_id);
      if (f.assignee_id) user_ids.insert(*f.assignee_id);
    }
    if (f.answer_text && f.answer_by) user_ids.insert(*f.answer_by);
  }
  for (FieldInfo& field : list_fields(sql)) {
    if (field_codes.count(field.code)) context.fields.emplace(field.code, std::move(field));
  }
  context.users = find_user_names(sql, user_ids);
  std::set<std::string> agency_codes;
  for (const Feedback& f : list) {
    agency_codes.insert(f.agency);
    if (f.answer_text && f.answer_by) {
      const UserName* official = context.user(*f.answer_by);
      if (official && official->agency) agency_codes.insert(*official->agency);
    }
  }
  context.agency_names = agencies::names_of(sql, agency_codes);
  if (viewer) context.following = following_among(sql, ids, viewer->id);
  return context;
}

core::FeedbackRecord feedback_record(const RecordContext& context, const FeedbackDeps& deps,
                                     const Feedback& f, View view,
                                     const std::optional<accounts::AuthUser>& viewer,
                                     long long now) {
  const auto field = context.fields.find(f.field);
  const bool full = view == View::kFull;
  const bool author_viewing = viewer && viewer->id == f.user_id;
  core::FeedbackRecord r;
  r.id = f.id;
  r.title = f.title;
  r.content = f.content;
  r.field = code_name(
      f.field, field != context.fields.end() ? std::optional(field->second.name) : std::nullopt);
  r.agency = code_name(f.agency, context.agency_name(f.agency));
  r.status = f.status;
  r.status_label = std::string(core::feedback_status_label(f.status));
  r.location = {f.lat, f.lng, f.accuracy_m};
  if (f.address) r.address = *f.address;
  if (f.commune) {
    const auto* unit = core::find_commune(*f.commune);
    r.commune = core::CodeName{*f.commune, unit ? std::string(unit->name) : *f.commune};
  }
  r.photos = photos_of(deps, f.photos);
  r.anonymous = f.anonymous;
  if (full) {
    const UserName* user = context.user(f.user_id);
    r.author =
        user && !user->full_name.empty() ? user->full_name : std::string(messages::kDeletedAccount);
  }
  r.created_at = time_text(f.created_at);
  r.updated_at = time_text(f.updated_at);
  r.receive_deadline = time_text(f.receive_deadline);
  r.answer_deadline = time_text(f.answer_deadline);
  r.overdue = overdue(f, now);
  r.published = f.published;
  r.answer = answer_of(context, deps, f, full);
  if (f.rating_stars) {
    r.rating = core::FeedbackRating{*f.rating_stars, f.rating_comment.value_or("")};
  }
  r.can_reopen = author_viewing && f.status == core::kStatusResolved && !f.reopened;
  r.following = viewer ? context.following.count(f.id) > 0 : false;
  if (full && f.assignee_id) {
    const UserName* assignee = context.user(*f.assignee_id);
    r.assignee = core::FeedbackAssignee{*f.assignee_id, assignee ? assignee->full_name : ""};
  }
  return r;
}

core::FeedbackRecord feedback_record(soci::session& sql, const FeedbackDeps& deps,
                                     const Feedback& f, View view,
                                     const std::optional<accounts::AuthUser>& viewer, long long now,
                                     bool updates) {
  core::FeedbackRecord r =
      feedback_record(record_context(sql, {f}, view, viewer), deps, f, view, viewer, now);
  if (updates) r.updates = updates_of(sql, deps, f, view);
  return r;
}

nlohmann::json feedback_json(soci::session& sql, const FeedbackDeps& deps, const Feedback& f,
                             View view, const std::optional<accounts::AuthUser>& viewer,
                             long long now, bool updates) {
  return core::feedback_record_json<nlohmann::json>(
      feedback_record(sql, deps, f, view, viewer, now, updates));
}

nlohmann::json feedback_list_json(soci::session& sql, const FeedbackDeps& deps,
                                  const std::vector<long long>& ids, View view,
                                  const std::optional<accounts::AuthUser>& viewer, long long now) {
  const std::vector<Feedback> list = find_feedback_list(sql, ids);
  const RecordContext context = record_context(sql, list, view, viewer);
  nlohmann::json items = nlohmann::json::array();
  for (const Feedback& f : list) {
    items.push_back(core::feedback_record_json<nlohmann::json>(
        feedback_record(context, deps, f, view, viewer, now)));
  }
  return items;
}

Feedback load_feedback(soci::session& sql, const http::Request& request,
                       std::optional<db::Backend> lock) {
  const auto id = http::parse_integer(request.param("id").value_or(""));
  if (id && *id > 0) {
    if (auto feedback = lock ? lock_feedback(sql, *lock, *id) : find_feedback(sql, *id)) {
      return *feedback;
    }
  }
  throw http::HttpError(404, "not_found", messages::kNotFound);
}

Page read_page(const http::Request& request, http::FieldErrors& errors) {
  return {.limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit),
          .after = http::read_cursor(request, errors, kCursorPrefix).value_or(0)};
}

nlohmann::json cursor_json(bool more, long long last) {
  return more ? nlohmann::json(std::string(kCursorPrefix) + std::to_string(last)) : nullptr;
}

}  // namespace cdscb::server::feedback
