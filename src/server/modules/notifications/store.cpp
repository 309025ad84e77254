#include "modules/notifications/store.h"

#include <soci/soci.h>

#include "db/nullable_text.h"

namespace cdscb::server::notifications {

void send(soci::session& sql, long long user_id, const std::string& text,
          std::optional<long long> feedback_id, long long now) {
  db::Nullable<long long> link(feedback_id);
  sql << "INSERT INTO notifications (user_id, feedback_id, text, created_at) "
         "SELECT :user_id, :feedback_id, :text, :now FROM users WHERE id = :user_id2 AND "
         "deleted_at IS NULL",
      soci::use(user_id), soci::use(link.value, link.indicator), soci::use(text), soci::use(now),
      soci::use(user_id);
}

long long purge_old(soci::session& sql, long long now) {
  const long long cutoff = now - kNotificationKeepSeconds;
  soci::statement statement =
      (sql.prepare << "DELETE FROM notifications WHERE created_at < :cutoff", soci::use(cutoff));
  statement.execute(true);
  return statement.get_affected_rows();
}

}  // namespace cdscb::server::notifications
