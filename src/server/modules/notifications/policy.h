// Who may read and mark notifications: a signed-in person, only their own (every query of the
// routes is bound to the caller's id, so another person's notification is never reachable).
#pragma once

#include "modules/accounts/sessions.h"

namespace cdscb::server::notifications {

inline bool may_read_notification(const accounts::AuthUser& user, long long owner_id) {
  return user.id == owner_id;
}

}  // namespace cdscb::server::notifications
