// Feedback rows: reading, writing, the timeline of updates, followers and notifications.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/database.h"

namespace soci {
class session;
}

namespace cdscb::server::feedback {

struct Feedback {
  long long id = 0;
  long long user_id = 0;
  std::string title;
  std::string content;
  std::string field;
  std::string agency;
  std::string status = "submitted";
  double lat = 0;
  double lng = 0;
  std::optional<double> accuracy_m;
  std::optional<std::string> address;
  std::optional<std::string> commune;
  std::vector<std::string> photos;  // media ids
  bool anonymous = false;
  bool published = false;
  std::optional<long long> assignee_id;
  std::optional<std::string> answer_text;
  std::vector<std::string> answer_photos;
  std::optional<long long> answer_at;
  std::optional<long long> answer_by;
  std::optional<int> rating_stars;
  std::optional<std::string> rating_comment;
  bool reopened = false;
  long long created_at = 0;
  long long updated_at = 0;
  long long receive_deadline = 0;
  long long answer_deadline = 0;
};

struct Update {
  long long id = 0;
  std::optional<long long> actor_id;
  std::string actor_role;  // "citizen", "officer", "admin"
  std::string action;      // "submit", "receive", …, "reopen", "rate"
  std::string status;      // the status after the action
  std::optional<std::string> note;
  std::vector<std::string> photos;
  std::optional<std::string> agency;  // the acting official's agency, or the transfer's target
  long long created_at = 0;
};

std::optional<Feedback> find_feedback(soci::session& sql, long long id);
// The rows of `ids` that exist, in the order of `ids`: one query (for a list's page).
std::vector<Feedback> find_feedback_list(soci::session& sql, const std::vector<long long>& ids);
// find_feedback inside a db::Transaction that is going to change the row: on PostgreSQL the row is
// locked (SELECT … FOR UPDATE) until the commit, so a concurrent action waits and then reads what
// this one wrote; SQLite's BEGIN IMMEDIATE already does as much for the whole database.
std::optional<Feedback> lock_feedback(soci::session& sql, db::Backend backend, long long id);
// Inserts and returns the new id (feedback.id ignored). Its Idempotency-Key is kept by
// db/idempotency.h, not here.
long long insert_feedback(soci::session& sql, const Feedback& feedback);
// Writes every mutable column of `feedback` back, provided the row still has the status and
// agency of `read` (what it was when the action was decided on); false, and nothing written,
// otherwise.
bool save_feedback(soci::session& sql, const Feedback& feedback, const Feedback& read);

// What the public list's ?q= searches: title, content and address folded by
// core::fold_for_search, stored in feedback.search_text by insert_feedback and save_feedback.
std::string search_text_of(const Feedback& feedback);
// Folds the rows whose search_text is still NULL (older rows, rows put in by plain SQL), `batch`
// rows per transaction; returns how many.
long long fill_search_text(db::Database& database, long long batch = 500);

void insert_update(soci::session& sql, long long feedback_id, const Update& update);
std::vector<Update> list_updates(soci::session& sql, long long feedback_id);

bool is_following(soci::session& sql, long long feedback_id, long long user_id);
// Those of `ids` that `user_id` follows: one query.
std::set<long long> following_among(soci::session& sql, const std::vector<long long>& ids,
                                    long long user_id);
void follow(soci::session& sql, long long feedback_id, long long user_id, long long now);
void unfollow(soci::session& sql, long long feedback_id, long long user_id);

// A notification for the author and every follower of `feedback`, except `actor_id`. While the
// feedback is unpublished, followers get `follower_text` and no link to it (its id is not theirs
// to know).
void notify(soci::session& sql, const Feedback& feedback, const std::string& text,
            const std::string& follower_text, std::optional<long long> actor_id, long long now);

struct UserName {
  std::string full_name;  // "" for a deleted account
  std::string role;
  std::optional<std::string> agency;
};
std::optional<UserName> find_user_name(soci::session& sql, long long id);

// find_user_name for each of `ids` that exists: one query.
std::map<long long, UserName> find_user_names(soci::session& sql, const std::set<long long>& ids);

// An official feedback can be assigned to: an officer or admin of the agency whose account is not
// deleted.
struct Colleague {
  long long id = 0;
  std::string name;
};
// The assignable officials of `agency` with an id above `after`, by id, at most `limit`.
std::vector<Colleague> list_assignable(soci::session& sql, const std::string& agency,
                                       long long after, long long limit);
bool is_assignable(soci::session& sql, long long user_id, const std::string& agency);

std::string ids_to_json(const std::vector<std::string>& ids);
std::vector<std::string> ids_from_json(const std::string& text);

}  // namespace cdscb::server::feedback
