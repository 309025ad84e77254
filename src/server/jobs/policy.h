// Who may see and retry background jobs (the dead-letter list): admins only.
#pragma once

#include "modules/accounts/sessions.h"

namespace cdscb::server::jobs {

inline bool may_manage_jobs(const accounts::AuthUser& user) {
  return user.role == core::Role::kAdmin;
}

}  // namespace cdscb::server::jobs
