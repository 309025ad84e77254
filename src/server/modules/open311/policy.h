// Who may do what through Open311: anyone reads published requests; a request is posted, and
// unpublished ones read, only with a valid API key (key_owner() in routes.cpp: the key's issuer
// files the feedback); keys are issued, listed and revoked by admins only.
#pragma once

#include "modules/accounts/sessions.h"

namespace cdscb::server::open311 {

inline bool may_manage_keys(const accounts::AuthUser& user) {
  return user.role == core::Role::kAdmin;
}

}  // namespace cdscb::server::open311
