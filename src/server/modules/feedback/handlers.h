// Shared by the feedback module's route files; not for other modules.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/feedback_record.h"
#include "http/json_body.h"
#include "http/response.h"
#include "modules/feedback/policy.h"
#include "modules/feedback/reference_data.h"
#include "modules/feedback/routes.h"
#include "modules/feedback/store.h"

namespace cdscb::server::feedback {

void register_citizen_routes(http::Router& router, const FeedbackDeps& deps);
void register_author_routes(http::Router& router, const FeedbackDeps& deps);
void register_follow_routes(http::Router& router, const FeedbackDeps& deps);
void register_official_routes(http::Router& router, const FeedbackDeps& deps);
void register_list_routes(http::Router& router, const FeedbackDeps& deps);
void register_map_routes(http::Router& router, const FeedbackDeps& deps);
void register_admin_field_routes(http::Router& router, const FeedbackDeps& deps);

long long now_seconds(const FeedbackDeps& deps);

// Full: the author's and officials' view. Public: no author, no personal data. Anyone else sees
// unpublished feedback only in the follower view (follower_view.h), never by id.
enum class View { kFull, kPublic };

// Past its receive deadline while waiting to be received, or past its answer deadline while open.
bool overdue(const Feedback& feedback, long long now);

// What the records of a list need from other tables (field and agency names, accounts, whom
// the viewer follows), read once for the whole page with one query per table.
struct RecordContext {
  std::map<std::string, FieldInfo> fields;
  std::map<std::string, std::string> agency_names;
  std::map<long long, UserName> users;
  std::set<long long> following;  // of the page's feedback, those the viewer follows

  const UserName* user(long long id) const;
  std::optional<std::string> agency_name(const std::string& code) const;
};
RecordContext record_context(soci::session& sql, const std::vector<Feedback>& list, View view,
                             const std::optional<accounts::AuthUser>& viewer);
// The record without its timeline, from `context` alone (no query).
core::FeedbackRecord feedback_record(const RecordContext& context, const FeedbackDeps& deps,
                                     const Feedback& feedback, View view,
                                     const std::optional<accounts::AuthUser>& viewer,
                                     long long now);

// The record `viewer` may see in `view` (core/feedback_record.h); feedback_json is its JSON.
core::FeedbackRecord feedback_record(soci::session& sql, const FeedbackDeps& deps,
                                     const Feedback& feedback, View view,
                                     const std::optional<accounts::AuthUser>& viewer, long long now,
                                     bool updates);
nlohmann::json feedback_json(soci::session& sql, const FeedbackDeps& deps, const Feedback& feedback,
                             View view, const std::optional<accounts::AuthUser>& viewer,
                             long long now, bool updates);

// The JSON of the feedback `ids` that exist, in that order, all in `view` and without their
// timelines: a fixed number of queries whatever the number of ids (a list's page).
nlohmann::json feedback_list_json(soci::session& sql, const FeedbackDeps& deps,
                                  const std::vector<long long>& ids, View view,
                                  const std::optional<accounts::AuthUser>& viewer, long long now);

// The feedback of the path's {id}; HttpError 404 when malformed or missing. With `lock` (inside
// the db::Transaction of an action), read with lock_feedback: concurrent actions on it run one
// after the other, each deciding on what the one before wrote.
Feedback load_feedback(soci::session& sql, const http::Request& request,
                       std::optional<db::Backend> lock = std::nullopt);

// What `viewer` may see of `feedback`; nullopt: nothing (answer 404).
std::optional<View> view_for(soci::session& sql, const Feedback& feedback,
                             const std::optional<accounts::AuthUser>& viewer);

struct Page {
  long long limit = 20;
  long long after = 0;  // the number inside the cursor; 0 at the start
};
// ?limit= (1–100, default 20) and ?cursor= ("c<number>", as next_cursor gave it).
Page read_page(const http::Request& request, http::FieldErrors& errors);
nlohmann::json cursor_json(bool more, long long last);

// Media ids from body[key]: an array of at most 5 photos `writer` uploaded; field errors
// otherwise (422 when one is someone else's: may_attach_photos()).
std::vector<std::string> read_photo_ids(const FeedbackDeps& deps, soci::session& sql,
                                        const accounts::AuthUser& writer,
                                        const nlohmann::json& body, const std::string& key,
                                        http::FieldErrors& errors);

// Saves `feedback` (updated_at = now), appends `update` to its timeline and notifies the author
// and followers (except the actor). Call it inside the transaction that read the row as `read`
// (with load_feedback's lock); HttpError 409 "conflict" and nothing written when the row no
// longer has the status and agency the action was decided on.
void record_update(soci::session& sql, Feedback& feedback, const Feedback& read,
                   const Update& update, long long now);

// The answer of the actions: 200 {"feedback"} in the actor's view, with the timeline.
http::Response feedback_answer(soci::session& sql, const FeedbackDeps& deps,
                               const Feedback& feedback, const accounts::AuthUser& viewer);

}  // namespace cdscb::server::feedback
