// In-app notifications: every update of feedback I sent or follow (the home screen's badge),
// newest first in pages of ?limit= (default 20, at most 100) from ?cursor=; kept 90 days.
#include <soci/soci.h>

#include <limits>

#include "modules/feedback/handlers.h"
#include "modules/feedback/messages.h"
#include "util/time.h"

namespace cdscb::server::feedback {
namespace {

http::Response list(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  http::FieldErrors errors;
  const Page page = read_page(request, errors);
  errors.throw_if_any();
  // Newest first: the cursor is the last id shown; 0 means from the top.
  const long long before = page.after > 0 ? page.after : std::numeric_limits<long long>::max();
  const long long fetch = page.limit + 1;
  nlohmann::json items = nlohmann::json::array();
  long long id = 0, feedback_id = 0, created_at = 0, read_at = 0, last = 0;
  soci::indicator feedback_indicator = soci::i_null, read_indicator = soci::i_null;
  std::string text;
  soci::statement statement =
      (sql.prepare << "SELECT id, feedback_id, text, created_at, read_at FROM notifications "
                      "WHERE user_id = :user_id AND id < :before ORDER BY id DESC LIMIT :fetch",
       soci::use(user.id), soci::use(before), soci::use(fetch), soci::into(id),
       soci::into(feedback_id, feedback_indicator), soci::into(text), soci::into(created_at),
       soci::into(read_at, read_indicator));
  statement.execute();
  bool more = false;
  while (statement.fetch()) {
    if (static_cast<long long>(items.size()) == page.limit) {
      more = true;
      break;
    }
    last = id;
    items.push_back(
        {{"id", id},
         {"feedback_id", feedback_indicator == soci::i_ok ? nlohmann::json(feedback_id) : nullptr},
         {"text", text},
         {"at", util::rfc3339_utc(
                    std::chrono::system_clock::time_point(std::chrono::seconds(created_at)))},
         {"read", read_indicator == soci::i_ok}});
  }
  int unread = 0;
  sql << "SELECT COUNT(*) FROM notifications WHERE user_id = :user_id AND read_at IS NULL",
      soci::use(user.id), soci::into(unread);
  return no_store(http::Response::json(
      200, {{"items", items}, {"unread", unread}, {"next_cursor", cursor_json(more, last)}}));
}

http::Response mark_read(const FeedbackDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const nlohmann::json body = http::parse_json_object(request);
  const long long now = now_seconds(deps);
  const auto all = body.find("all");
  const auto ids = body.find("ids");
  if (all != body.end() && *all == true) {
    sql << "UPDATE notifications SET read_at = :now WHERE user_id = :user_id AND read_at IS NULL",
        soci::use(now), soci::use(user.id);
  } else if (ids != body.end() && ids->is_array() &&
             std::all_of(ids->begin(), ids->end(),
                         [](const nlohmann::json& id) { return id.is_number_integer(); })) {
    db::Transaction transaction(sql, deps.database.backend());
    for (const auto& id : *ids) {
      const long long value = id.get<long long>();
      sql << "UPDATE notifications SET read_at = :now WHERE id = :id AND user_id = :user_id "
             "AND read_at IS NULL",
          soci::use(now), soci::use(value), soci::use(user.id);
    }
    transaction.commit();
  } else {
    http::FieldErrors errors;
    errors.add("ids", messages::kIdsInvalid);
    errors.throw_if_any();
  }
  return no_content();
}

}  // namespace

long long purge_old_notifications(db::Database& database, long long now) {
  soci::session sql(database.pool());
  const long long cutoff = now - kNotificationKeepSeconds;
  soci::statement statement =
      (sql.prepare << "DELETE FROM notifications WHERE created_at < :cutoff", soci::use(cutoff));
  statement.execute(true);
  return statement.get_affected_rows();
}

void register_notification_routes(http::Router& router, const FeedbackDeps& deps) {
  router.get("/api/v1/notifications",
             [deps](const http::Request& request) { return list(deps, request); });
  router.post("/api/v1/notifications/read",
              [deps](const http::Request& request) { return mark_read(deps, request); });
}

}  // namespace cdscb::server::feedback
