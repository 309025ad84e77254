// The feedback JSON in its three views, and who may see what.
#include <soci/soci.h>

#include "core/communes.h"
#include "core/feedback.h"
#include "http/pagination.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/messages.h"
#include "modules/feedback/reference_data.h"
#include "util/time.h"

namespace cdscb::server::feedback {
namespace {

constexpr std::string_view kCursorPrefix = "c";
constexpr long long kDefaultLimit = 20;
constexpr long long kMaxLimit = 100;

nlohmann::json time_json(long long seconds) {
  return util::rfc3339_utc(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

nlohmann::json photos_json(const FeedbackDeps& deps, const std::vector<std::string>& ids) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& id : ids) {
    list.push_back({{"id", id},
                    {"url", deps.photos.url ? deps.photos.url(id) : "/media/" + id + ".jpg"},
                    {"thumb_url", deps.photos.thumb_url ? deps.photos.thumb_url(id)
                                                        : "/media/" + id + "-w320.jpg"}});
  }
  return list;
}

nlohmann::json code_name(const std::string& code, const std::optional<std::string>& name) {
  return {{"code", code}, {"name", name.value_or(code)}};
}

// Who acted: officials by name and agency, the author as "Người phản ánh" in public views.
nlohmann::json actor_json(soci::session& sql, const Update& update, View view) {
  if (!update.actor_id) return {{"name", nullptr}, {"role", update.actor_role}};
  const auto user = find_user_name(sql, *update.actor_id);
  const bool official = update.actor_role != "citizen";
  std::string name = user ? user->full_name : "";
  if (!official && view != View::kFull) name = std::string(messages::kAuthorLabel);
  if (official && view != View::kFull && update.agency) {
    name = agency_name(sql, *update.agency).value_or(name);
  }
  if (name.empty()) name = std::string(messages::kDeletedAccount);
  return {{"name", name}, {"role", update.actor_role}};
}

}  // namespace

long long now_seconds(const FeedbackDeps& deps) {
  return accounts::unix_seconds(deps.sessions.clock()());
}

bool is_official(const accounts::AuthUser& user) {
  return user.role == "admin" || user.role == "officer";
}

bool official_for(const accounts::AuthUser& user, const Feedback& feedback) {
  if (user.role == "admin") return true;
  return user.role == "officer" && user.agency && *user.agency == feedback.agency;
}

bool overdue(const Feedback& f, long long now) {
  const auto* status = core::find_feedback_status(f.status);
  if (!status || !status->open) return false;
  const bool waiting = f.status == core::kStatusSubmitted || f.status == core::kStatusTransferred;
  return (waiting && now > f.receive_deadline) || now > f.answer_deadline;
}

std::optional<View> view_for(soci::session&, const Feedback& feedback,
                             const std::optional<accounts::AuthUser>& viewer) {
  if (viewer && (viewer->id == feedback.user_id || official_for(*viewer, feedback))) {
    return View::kFull;
  }
  if (feedback.published) return View::kPublic;
  return std::nullopt;
}

nlohmann::json feedback_json(soci::session& sql, const FeedbackDeps& deps, const Feedback& f,
                             View view, const std::optional<accounts::AuthUser>& viewer,
                             long long now, bool updates) {
  const auto field = find_field(sql, f.field);
  const bool full = view == View::kFull;
  nlohmann::json author = nullptr;
  if (full) {
    const auto user = find_user_name(sql, f.user_id);
    const std::string name =
        user && !user->full_name.empty() ? user->full_name : std::string(messages::kDeletedAccount);
    author = {{"name", name}};
  }
  nlohmann::json commune = nullptr;
  if (f.commune) {
    const auto* unit = core::find_commune(*f.commune);
    commune = {{"code", *f.commune}, {"name", unit ? std::string(unit->name) : *f.commune}};
  }
  nlohmann::json answer = nullptr;
  if (f.answer_text) {
    nlohmann::json by = nullptr;
    if (f.answer_by) {
      const auto official = find_user_name(sql, *f.answer_by);
      const std::string agency = official && official->agency ? *official->agency : f.agency;
      const std::string agency_label = agency_name(sql, agency).value_or(agency);
      by = {{"name", full && official ? official->full_name : agency_label},
            {"agency", agency_label}};
    }
    answer = {{"text", *f.answer_text},
              {"photos", photos_json(deps, f.answer_photos)},
              {"at", f.answer_at ? time_json(*f.answer_at) : nullptr},
              {"by", by}};
  }
  nlohmann::json rating = nullptr;
  if (f.rating_stars) {
    rating = {{"stars", *f.rating_stars}, {"comment", f.rating_comment.value_or("")}};
  }
  const bool author_viewing = viewer && viewer->id == f.user_id;
  nlohmann::json out = {
      {"id", f.id},
      {"title", f.title},
      {"content", f.content},
      {"field", code_name(f.field, field ? std::optional(field->name) : std::nullopt)},
      {"agency", code_name(f.agency, agency_name(sql, f.agency))},
      {"status", f.status},
      {"status_label", core::feedback_status_label(f.status)},
      {"location",
       {{"lat", f.lat},
        {"lng", f.lng},
        {"accuracy_m", f.accuracy_m ? nlohmann::json(*f.accuracy_m) : nullptr}}},
      {"address", f.address ? nlohmann::json(*f.address) : nullptr},
      {"commune", commune},
      {"photos", photos_json(deps, f.photos)},
      {"anonymous", f.anonymous},
      {"author", author},
      {"created_at", time_json(f.created_at)},
      {"updated_at", time_json(f.updated_at)},
      {"receive_deadline", time_json(f.receive_deadline)},
      {"answer_deadline", time_json(f.answer_deadline)},
      {"overdue", overdue(f, now)},
      {"published", f.published},
      {"answer", answer},
      {"rating", rating},
      {"can_reopen", author_viewing && f.status == core::kStatusResolved && !f.reopened},
      {"following", viewer ? is_following(sql, f.id, viewer->id) : false},
  };
  if (full && f.assignee_id) {
    const auto assignee = find_user_name(sql, *f.assignee_id);
    out["assignee"] = {{"id", *f.assignee_id},
                       {"name", assignee ? assignee->full_name : std::string()}};
  }
  if (updates) {
    nlohmann::json list = nlohmann::json::array();
    for (const Update& update : list_updates(sql, f.id)) {
      // A rating is between the author and the agency; the public sees the process only.
      if (!full && update.action == "rate") continue;
      list.push_back({{"at", time_json(update.created_at)},
                      {"actor", actor_json(sql, update, view)},
                      {"action", update.action},
                      {"status", update.status},
                      {"status_label", core::feedback_status_label(update.status)},
                      {"note", update.note && (full || update.action != "assign")
                                   ? nlohmann::json(*update.note)
                                   : nullptr},
                      {"photos", photos_json(deps, update.photos)}});
    }
    out["updates"] = list;
  }
  return out;
}

Feedback load_feedback(soci::session& sql, const http::Request& request) {
  const auto id = http::parse_integer(request.param("id").value_or(""));
  if (id && *id > 0) {
    if (auto feedback = find_feedback(sql, *id)) return *feedback;
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

http::Response no_store(http::Response response) {
  response.headers.set("Cache-Control", "no-store");
  return response;
}

http::Response no_content() {
  http::Response response;
  response.status = 204;
  return response;
}

}  // namespace cdscb::server::feedback
