// In-app notifications: what a module tells one person about a record of theirs (feedback they
// sent or follow; dossiers and payments next), shown newest first behind the home screen's badge
// and kept kNotificationKeepSeconds. The notifications module owns the table; other modules add
// rows only through send().
#pragma once

#include <optional>
#include <string>

namespace soci {
class session;
}

namespace cdscb::server::notifications {

// Kept this long (read or not), then purged by the housekeeping task.
inline constexpr long long kNotificationKeepSeconds = 90LL * 24 * 3600;

// A notification for `user_id` (skipped for a deleted account), optionally linking to the
// feedback it is about. Call it inside the transaction that made the change it reports.
void send(soci::session& sql, long long user_id, const std::string& text,
          std::optional<long long> feedback_id, long long now);

// Deletes notifications created more than kNotificationKeepSeconds before `now` (Unix seconds);
// the number deleted.
long long purge_old(soci::session& sql, long long now);

}  // namespace cdscb::server::notifications
