// Who may do what with accounts. Every account manages its own profile, sessions and data once
// signed in (Sessions::require_user); only these need more.
#pragma once

#include "modules/accounts/sessions.h"

namespace cdscb::server::accounts {

// Creating officials' accounts and listing every account: admins only.
inline bool may_manage_accounts(const AuthUser& user) { return user.role == core::Role::kAdmin; }

}  // namespace cdscb::server::accounts
