// Feedback in "download my data" and "delete my account" (modules/accounts/personal_data.h).
#include <soci/soci.h>

#include "modules/feedback/follow_tokens.h"
#include "modules/feedback/routes.h"
#include "modules/feedback/store.h"
#include "util/time.h"

namespace cdscb::server {
namespace {

std::string time_text(long long seconds) {
  return util::rfc3339_utc(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

nlohmann::json collect(soci::session& sql, long long user_id) {
  nlohmann::json mine = nlohmann::json::array();
  std::vector<long long> ids;
  long long id = 0;
  {
    soci::statement statement = (sql.prepare << "SELECT id FROM feedback WHERE user_id = :u "
                                                "ORDER BY id",
                                 soci::use(user_id), soci::into(id));
    statement.execute();
    while (statement.fetch()) ids.push_back(id);
  }
  for (const long long feedback_id : ids) {
    const auto f = feedback::find_feedback(sql, feedback_id);
    if (!f) continue;
    nlohmann::json updates = nlohmann::json::array();
    for (const auto& update : feedback::list_updates(sql, feedback_id)) {
      updates.push_back({{"at", time_text(update.created_at)},
                         {"action", update.action},
                         {"status", update.status},
                         {"note", update.note ? nlohmann::json(*update.note) : nullptr}});
    }
    mine.push_back(
        {{"id", f->id},
         {"title", f->title},
         {"content", f->content},
         {"field", f->field},
         {"agency", f->agency},
         {"status", f->status},
         {"location", {{"lat", f->lat}, {"lng", f->lng}}},
         {"address", f->address ? nlohmann::json(*f->address) : nullptr},
         {"commune", f->commune ? nlohmann::json(*f->commune) : nullptr},
         {"photos", f->photos},
         {"anonymous", f->anonymous},
         {"published", f->published},
         {"rating", f->rating_stars ? nlohmann::json({{"stars", *f->rating_stars},
                                                      {"comment", f->rating_comment.value_or("")}})
                                    : nullptr},
         {"created_at", time_text(f->created_at)},
         {"updates", updates}});
  }
  // What I follow by id where I may know it, else by the follow token that let me follow it.
  nlohmann::json following = nlohmann::json::array();
  {
    std::vector<std::pair<long long, bool>> followed;
    int visible = 0;
    soci::statement statement =
        (sql.prepare << "SELECT ff.feedback_id, CASE WHEN f.published = 1 OR f.user_id = :u "
                        "THEN 1 ELSE 0 END FROM feedback_followers ff JOIN feedback f ON f.id = "
                        "ff.feedback_id WHERE ff.user_id = :u2 ORDER BY ff.created_at, "
                        "ff.feedback_id",
         soci::use(user_id), soci::use(user_id), soci::into(id), soci::into(visible));
    statement.execute();
    while (statement.fetch()) followed.emplace_back(id, visible != 0);
    for (const auto& [feedback_id, known] : followed) {
      following.push_back(
          known ? nlohmann::json{{"id", feedback_id}}
                : nlohmann::json{{"follow_token", feedback::follow_token(sql, feedback_id)}});
    }
  }
  return {{"feedback", mine}, {"following", following}};
}

// The feedback stays for the government (it is a record of a public problem and of the answer),
// but nothing ties it to the person any more: hidden from the public as anonymous, its
// idempotency key dropped; the user row itself is anonymised by the accounts module. What is
// only about the person (follows) goes; the notifications module erases notifications.
void erase(soci::session& sql, long long user_id) {
  sql << "UPDATE feedback SET anonymous = 1, idempotency_key = NULL WHERE user_id = :u",
      soci::use(user_id);
  sql << "DELETE FROM feedback_followers WHERE user_id = :u", soci::use(user_id);
}

}  // namespace

accounts::PersonalDataSection feedback_personal_data() {
  return {.name = "feedback", .collect = collect, .erase = erase};
}

}  // namespace cdscb::server
