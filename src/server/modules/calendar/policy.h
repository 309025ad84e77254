// Who may change the calendar: admins only (a day off moves every deadline computed after it).
// Anyone may be given deadlines computed with it; nobody else reads the list through the API.
#pragma once

#include "modules/accounts/sessions.h"

namespace cdscb::server::calendar {

inline bool may_edit_holidays(const accounts::AuthUser& user) {
  return user.role == core::Role::kAdmin;
}

}  // namespace cdscb::server::calendar
