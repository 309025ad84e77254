// Who may do what with the public cameras: anyone lists them, watches them and sees their
// snapshots (no login); only admins see their sources and add, edit, hide or mark them in
// maintenance.
#pragma once

#include "modules/accounts/sessions.h"

namespace cdscb::server::cameras {

inline bool may_administer(const accounts::AuthUser& user) {
  return user.role == core::Role::kAdmin;
}

}  // namespace cdscb::server::cameras
