// Processing by officials: the queue of their agency and the actions that move feedback through
// the status machine of core/feedback.h. Each action is one update on the timeline.
#include <soci/soci.h>

#include "core/feedback.h"
#include "core/text.h"
#include "core/working_hours.h"
#include "http/pagination.h"
#include "modules/accounts/access.h"
#include "modules/agencies/store.h"
#include "modules/calendar/holidays.h"
#include "modules/feedback/follower_view.h"
#include "modules/feedback/handlers.h"
#include "modules/feedback/id_query.h"
#include "modules/feedback/messages.h"
#include "modules/feedback/reference_data.h"

namespace cdscb::server::feedback {
namespace {

// An official acting on `feedback`: one they may not even see (unpublished, of another agency)
// is as good as missing, 404 as GET /feedback/{id} answers, so ids walked tell nothing; one they
// see but whose agency is not theirs is 403 other_agency.
void require_official_for(soci::session& sql, const accounts::AuthUser& user,
                          const Feedback& feedback) {
  accounts::require_visible(view_for(sql, feedback, user).has_value(), messages::kNotFound);
  accounts::require(official_for(user, feedback), messages::kOtherAgency, "other_agency");
}

// What the author and followers read in their notification list.
std::string notification_text(soci::session& sql, const Feedback& feedback, const Update& update) {
  const std::string subject = "Phản ánh “" + feedback.title + "”";
  if (update.action == "resolve") return subject + " đã có kết quả giải quyết.";
  if (update.action == "reject") return subject + " đã bị từ chối xử lý.";
  if (update.action == "transfer") {
    const std::string to = agencies::name_of(sql, feedback.agency).value_or(feedback.agency);
    return subject + " đã được chuyển đến " + to + ".";
  }
  if (update.action == "reopen") return subject + " đã được mở lại.";
  if (update.action == "publish") return subject + " đã được công khai.";
  if (update.action == "unpublish") return subject + " đã thôi công khai.";
  if (update.action == "rate") return subject + " đã được đánh giá.";
  return subject + ": " + std::string(core::feedback_status_label(update.status)) + ".";
}

http::Response queue(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  accounts::require(is_official(user));
  http::FieldErrors errors;
  const Page page = read_page(request, errors);
  const std::string status(request.query_param("status").value_or(""));
  if (!status.empty() && !core::find_feedback_status(status)) {
    errors.add("status", messages::kStatusUnknown);
  }
  errors.throw_if_any();
  const long long now = now_seconds(deps);
  // Overdue first, then new ones waiting to be received, then the rest; each tier oldest first.
  // The cursor is an offset: the order changes as deadlines pass, so no row key can mark a place.
  // One query per tier, each walking the agency's (for admins, every) feedback in created_at
  // order on an index that holds what the tier tests, so none sorts the whole table; later tiers
  // are read only when the page is not full yet.
  const std::string overdue_rows =
      "((status IN ('submitted', 'transferred') AND receive_deadline < :now1) OR (status IN "
      "('submitted', 'received', 'in_progress', 'transferred') AND answer_deadline < :now2))";
  const std::string tiers[] = {
      overdue_rows, "NOT " + overdue_rows + " AND status IN ('submitted', 'transferred')",
      "NOT " + overdue_rows + " AND status NOT IN ('submitted', 'transferred')"};
  const auto tier_query = [&](const std::string& select, const std::string& tier) {
    IdQuery query(select + tier);
    query.add("", now, now);  // the tier's :now1 and :now2
    if (!sees_every_agency(user)) query.add(" AND agency = :agency", user.agency.value_or(""));
    if (!status.empty()) query.add(" AND status = :status", status);
    return query;
  };
  std::vector<long long> ids;
  long long skip = page.after;
  for (const std::string& tier : tiers) {
    const long long need = page.limit + 1 - static_cast<long long>(ids.size());
    if (need <= 0) break;
    const std::vector<long long> found =
        tier_query("SELECT id FROM feedback WHERE ", tier)
            .add(" ORDER BY created_at, id LIMIT :need OFFSET :skip", need, skip)
            .run(sql);
    ids.insert(ids.end(), found.begin(), found.end());
    if (!found.empty() || skip == 0) {
      skip = 0;
    } else {  // the whole tier lies before the page: skip past it
      skip -= tier_query("SELECT COUNT(*) FROM feedback WHERE ", tier).run(sql).at(0);
    }
  }
  const bool more = static_cast<long long>(ids.size()) > page.limit;
  if (more) ids.pop_back();
  const nlohmann::json items = feedback_list_json(sql, deps, ids, View::kFull, user, now);
  return http::no_store(http::Response::json(
      200, {{"items", items},
            {"next_cursor", cursor_json(more, page.after + static_cast<long long>(ids.size()))}}));
}

// The colleague `assignee_id` names, who must be an official of the feedback's agency (one of
// those GET /officer/colleagues lists).
std::optional<long long> read_assignee(soci::session& sql, const nlohmann::json& body,
                                       const Feedback& feedback, http::FieldErrors& errors) {
  const auto it = body.find("assignee_id");
  if (it != body.end() && it->is_number_integer() &&
      is_assignable(sql, it->get<long long>(), feedback.agency)) {
    return it->get<long long>();
  }
  errors.add("assignee_id", messages::kAssigneeInvalid);
  return std::nullopt;
}

// GET /api/v1/officer/colleagues?feedback=<id>: the officials "Giao cho cán bộ" offers, i.e. the
// active officers and admins of one agency: the agency of ?feedback= when given (the caller must
// be able to act on it), else the caller's own. An admin, who usually has no agency, passes
// ?feedback=. Paginated by id like the module's other lists (the app asks for ?limit=100).
http::Response colleagues(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  accounts::require(is_official(user));
  http::FieldErrors errors;
  const Page page = read_page(request, errors);
  std::string agency = user.agency.value_or("");
  if (const auto param = request.query_param("feedback"); param && !param->empty()) {
    const auto id = http::parse_integer(*param);
    const auto feedback = id ? find_feedback(sql, *id) : std::nullopt;
    if (!feedback) throw http::HttpError(404, "not_found", messages::kNotFound);
    require_official_for(sql, user, *feedback);
    agency = feedback->agency;
  } else if (agency.empty()) {
    errors.add("feedback", messages::kFeedbackNeeded);
  }
  errors.throw_if_any();
  std::vector<Colleague> found = list_assignable(sql, agency, page.after, page.limit + 1);
  const bool more = static_cast<long long>(found.size()) > page.limit;
  if (more) found.pop_back();
  nlohmann::json items = nlohmann::json::array();
  for (const Colleague& colleague : found) {
    items.push_back({{"id", colleague.id}, {"name", colleague.name}});
  }
  return http::no_store(http::Response::json(
      200,
      {{"items", items}, {"next_cursor", cursor_json(more, found.empty() ? 0 : found.back().id)}}));
}

http::Response act(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const nlohmann::json body = http::parse_json_object(request, 64 * 1024);
  // Citizens never act as officials; whether the feedback exists is none of their business.
  accounts::require(is_official(user));
  // Read (locked) and write in one transaction: two officials pressing "Tiếp nhận" at once make
  // one update, and the second, reading after the first's commit, gets 409.
  db::Transaction transaction(sql, deps.database.backend());
  const Feedback read = load_feedback(sql, request, deps.database.backend());
  Feedback feedback = read;
  require_official_for(sql, user, feedback);
  http::FieldErrors errors;
  const std::string action = http::string_field(body, "action", errors).value_or("");
  if (!errors.has("action") && !core::is_official_action(action)) {
    errors.add("action", messages::kActionUnknown);
  }
  std::string note = core::trim_blank(http::string_field(body, "note", errors).value_or(""));
  if (!errors.has("note")) {
    if (!core::is_valid_utf8(note)) {
      errors.add("note", core::kFeedbackInvalidText);
    } else if (core::count_code_points(note) > core::kFeedbackNoteMax) {
      errors.add("note", messages::kNoteTooLong);
    } else if (note.empty() && core::action_needs_note(action)) {
      errors.add("note", action == "resolve" ? messages::kNoteRequiredAnswer
                                             : messages::kNoteRequiredReason);
    }
  }
  const std::vector<std::string> photos = read_photo_ids(deps, sql, user, body, "photos", errors);
  std::optional<long long> assignee;
  std::string target_agency;
  if (action == "assign") assignee = read_assignee(sql, body, feedback, errors);
  if (action == "transfer") {
    target_agency = http::string_field(body, "agency", errors).value_or("");
    if (!errors.has("agency")) {
      if (!agencies::name_of(sql, target_agency)) {
        errors.add("agency", messages::kAgencyUnknown);
      } else if (target_agency == feedback.agency) {
        errors.add("agency", messages::kAgencySame);
      }
    }
  }
  errors.throw_if_any();
  const auto next = core::next_feedback_status(feedback.status, action, feedback.reopened);
  if (!next) {
    throw http::HttpError(409, "invalid_transition", messages::kInvalidTransition,
                          {{"status", feedback.status}, {"action", action}});
  }
  const long long now = now_seconds(deps);
  const auto field = find_field(sql, feedback.field);
  Update update{.actor_id = user.id,
                .actor_role = std::string(core::role_name(user.role)),
                .action = action,
                .status = std::string(*next),
                .note = note.empty() ? std::nullopt : std::optional(note),
                .photos = photos,
                .agency = user.agency ? user.agency : std::optional(feedback.agency),
                .created_at = now};
  feedback.status = std::string(*next);
  if (action == "assign") {
    feedback.assignee_id = assignee;
    // The timeline says who was given the work (who, when, what); public views hide the name.
    const auto colleague = find_user_name(sql, *assignee);
    std::string what = std::string(messages::kAssignedTo) + (colleague ? colleague->full_name : "");
    if (!note.empty()) what += ". " + note;
    update.note = what;
  }
  if (action == "transfer") {
    // The new agency receives it afresh, with fresh deadlines.
    feedback.agency = target_agency;
    feedback.assignee_id.reset();
    const core::WorkCalendar calendar = calendar::work_calendar(sql);
    feedback.receive_deadline = core::receive_deadline(now, calendar);
    feedback.answer_deadline =
        core::answer_deadline(now, field ? field->answer_days : 10, calendar);
    update.agency = target_agency;
  }
  if (action == "resolve" || action == "reject") {
    feedback.answer_text = note;
    feedback.answer_photos = photos;
    feedback.answer_at = now;
    feedback.answer_by = user.id;
    // Fields published by default go to the public list once answered; officials may unpublish.
    if (action == "resolve" && field && field->publish_by_default) feedback.published = true;
  }
  if (action == "publish") feedback.published = true;
  if (action == "unpublish") feedback.published = false;
  record_update(sql, feedback, read, update, now);
  transaction.commit();
  return feedback_answer(sql, deps, feedback, user);
}

}  // namespace

void record_update(soci::session& sql, Feedback& feedback, const Feedback& read,
                   const Update& update, long long now) {
  feedback.updated_at = now;
  if (!save_feedback(sql, feedback, read)) {
    throw http::HttpError(409, "conflict", messages::kChangedMeanwhile);
  }
  insert_update(sql, feedback.id, update);
  notify(sql, feedback, notification_text(sql, feedback, update),
         follower_notification(sql, feedback, update), update.actor_id, now);
}

http::Response feedback_answer(soci::session& sql, const FeedbackDeps& deps,
                               const Feedback& feedback, const accounts::AuthUser& viewer) {
  const auto view = view_for(sql, feedback, viewer).value_or(View::kPublic);
  return http::no_store(http::Response::json(
      200,
      {{"feedback", feedback_json(sql, deps, feedback, view, viewer, now_seconds(deps), true)}}));
}

void register_official_routes(http::Router& router, const FeedbackDeps& deps) {
  router.get("/api/v1/officer/feedback",
             [deps](const http::Request& request) { return queue(deps, request); });
  router.get("/api/v1/officer/colleagues",
             [deps](const http::Request& request) { return colleagues(deps, request); });
  router.post("/api/v1/feedback/{id}/actions",
              [deps](const http::Request& request) { return act(deps, request); });
}

}  // namespace cdscb::server::feedback
