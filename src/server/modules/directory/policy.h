// Who may do what with the directory of agencies ("Danh bạ"): anyone reads it; admins edit,
// import and export it.
#pragma once

#include "modules/accounts/sessions.h"

namespace cdscb::server::directory {

inline bool may_edit(const accounts::AuthUser& user) { return user.role == core::Role::kAdmin; }

}  // namespace cdscb::server::directory
