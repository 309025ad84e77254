// Who may do what in "Dịch vụ công": the module's one policy.
//   - anyone finds procedures and looks a dossier up by its code (masked, rate-limited);
//   - a signed-in person files dossiers and sees, withdraws, supplements and rates their own;
//     another's dossier answers as missing (404);
//   - officials: an officer acts on the dossiers of their own agency (another agency's: 403), an
//     admin on any; the queue is their agency's (every agency's for admins);
//   - a dossier's files (papers, form files, result) are read by those who may view it; to
//     anyone else, even an officer of another agency, a file answers as missing (404); a
//     "Kho giấy tờ" paper and its file are its owner's alone (404 to everyone else);
//   - only the owner asks for the order of a fee still due (404 to anyone else);
//   - admins edit and publish procedures;
//   - a signed-in person reads their own profile values to prefill a form.
#pragma once

#include "modules/accounts/sessions.h"
#include "modules/dossiers/store.h"

namespace cdscb::server::dossiers {

inline bool is_official(const accounts::AuthUser& user) {
  return user.role == core::Role::kOfficer || user.role == core::Role::kAdmin;
}

inline bool is_owner(const accounts::AuthUser& user, const Dossier& dossier) {
  return dossier.user_id == user.id;
}

// Whether `user` may act on `dossier` as an official: an admin, or an officer of its current
// agency.
inline bool official_for(const accounts::AuthUser& user, const Dossier& dossier) {
  return user.role == core::Role::kAdmin ||
         (user.role == core::Role::kOfficer && user.agency && *user.agency == dossier.agency);
}

// Reading a dossier in full: its owner and the officials who handle it.
inline bool may_view(const accounts::AuthUser& user, const Dossier& dossier) {
  return is_owner(user, dossier) || official_for(user, dossier);
}

// The values a form fills in (GET /api/v1/dossiers/prefill): every signed-in account, its own.
inline bool may_read_prefill(const accounts::AuthUser& user) { return user.id > 0; }

inline bool sees_every_agency(const accounts::AuthUser& user) {
  return user.role == core::Role::kAdmin;
}

inline bool may_administer(const accounts::AuthUser& user) {
  return user.role == core::Role::kAdmin;
}

}  // namespace cdscb::server::dossiers
