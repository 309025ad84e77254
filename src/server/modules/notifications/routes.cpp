// In-app notifications: newest first in pages of ?limit= (default 20, at most 100) from ?cursor=;
// kept 90 days (store.h). Every query is bound to the caller's id (policy.h).
#include "modules/notifications/routes.h"

#include <soci/soci.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "http/pagination.h"
#include "modules/notifications/policy.h"
#include "modules/notifications/store.h"
#include "util/time.h"

namespace cdscb::server {
namespace notifications {
namespace {

constexpr std::string_view kCursorPrefix = "c";
constexpr long long kDefaultLimit = 20;
constexpr long long kMaxLimit = 100;
constexpr std::size_t kMarkMax = 100;  // ids in one "read" request
constexpr std::string_view kIdsInvalid = "Danh sách thông báo không hợp lệ.";

std::string time_text(long long seconds) {
  return util::rfc3339_utc(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
}

http::Response list(const NotificationsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  http::FieldErrors errors;
  const long long limit = http::read_limit(request, errors, kDefaultLimit, kMaxLimit);
  const long long after = http::read_cursor(request, errors, kCursorPrefix).value_or(0);
  errors.throw_if_any();
  // Newest first: the cursor is the last id shown; 0 means from the top.
  const long long before = after > 0 ? after : std::numeric_limits<long long>::max();
  const long long fetch = limit + 1;
  nlohmann::json items = nlohmann::json::array();
  long long id = 0, owner = 0, feedback_id = 0, created_at = 0, read_at = 0, last = 0;
  soci::indicator feedback_indicator = soci::i_null, read_indicator = soci::i_null;
  std::string text;
  soci::statement statement =
      (sql.prepare << "SELECT id, user_id, feedback_id, text, created_at, read_at FROM "
                      "notifications WHERE user_id = :user_id AND id < :before ORDER BY id DESC "
                      "LIMIT :fetch",
       soci::use(user.id), soci::use(before), soci::use(fetch), soci::into(id), soci::into(owner),
       soci::into(feedback_id, feedback_indicator), soci::into(text), soci::into(created_at),
       soci::into(read_at, read_indicator));
  statement.execute();
  bool more = false;
  while (statement.fetch()) {
    if (static_cast<long long>(items.size()) == limit) {
      more = true;
      break;
    }
    if (!may_read_notification(user, owner)) continue;
    last = id;
    items.push_back(
        {{"id", id},
         {"feedback_id", feedback_indicator == soci::i_ok ? nlohmann::json(feedback_id) : nullptr},
         {"text", text},
         {"at", time_text(created_at)},
         {"read", read_indicator == soci::i_ok}});
  }
  int unread = 0;
  sql << "SELECT COUNT(*) FROM notifications WHERE user_id = :user_id AND read_at IS NULL",
      soci::use(user.id), soci::into(unread);
  const nlohmann::json next =
      more ? nlohmann::json(std::string(kCursorPrefix) + std::to_string(last)) : nullptr;
  return http::no_store(
      http::Response::json(200, {{"items", items}, {"unread", unread}, {"next_cursor", next}}));
}

// The ids of {"ids":[…]} as one SQL list of integers; nullopt when it is not such an array.
std::optional<std::string> id_list(const nlohmann::json& body) {
  const auto ids = body.find("ids");
  if (ids == body.end() || !ids->is_array() || ids->size() > kMarkMax) {
    return std::nullopt;
  }
  std::string list;
  for (const auto& id : *ids) {
    if (!id.is_number_integer()) return std::nullopt;
    list += (list.empty() ? "" : ",") + std::to_string(id.get<long long>());
  }
  return list;
}

http::Response mark_read(const NotificationsDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  const accounts::AuthUser user = deps.sessions.require_user(sql, request);
  const nlohmann::json body = http::parse_json_object(request);
  const long long now = accounts::unix_seconds(deps.sessions.clock()());
  if (const auto all = body.find("all"); all != body.end() && *all == true) {
    sql << "UPDATE notifications SET read_at = :now WHERE user_id = :user_id AND read_at IS NULL",
        soci::use(now), soci::use(user.id);
  } else if (const auto ids = id_list(body)) {
    if (ids->empty()) return http::no_content();
    // The list holds only integers the server formatted itself.
    sql << "UPDATE notifications SET read_at = :now WHERE user_id = :user_id AND read_at IS NULL "
           "AND id IN (" +
               *ids + ")",
        soci::use(now), soci::use(user.id);
  } else {
    http::FieldErrors errors;
    errors.add("ids", kIdsInvalid);
    errors.throw_if_any();
  }
  return http::no_content();
}

nlohmann::json collect(soci::session& sql, long long user_id) {
  nlohmann::json out = nlohmann::json::array();
  std::string text;
  long long at = 0;
  soci::statement statement =
      (sql.prepare << "SELECT text, created_at FROM notifications WHERE user_id = :u ORDER BY id",
       soci::use(user_id), soci::into(text), soci::into(at));
  statement.execute();
  while (statement.fetch()) out.push_back({{"text", text}, {"at", time_text(at)}});
  return out;
}

void erase(soci::session& sql, long long user_id) {
  sql << "DELETE FROM notifications WHERE user_id = :u", soci::use(user_id);
}

}  // namespace
}  // namespace notifications

void register_notification_routes(http::Router& router, const NotificationsDeps& deps) {
  router.get("/api/v1/notifications",
             [deps](const http::Request& request) { return notifications::list(deps, request); });
  router.post("/api/v1/notifications/read", [deps](const http::Request& request) {
    return notifications::mark_read(deps, request);
  });
}

accounts::PersonalDataSection notifications_personal_data() {
  return {
      .name = "notifications", .collect = notifications::collect, .erase = notifications::erase};
}

}  // namespace cdscb::server
