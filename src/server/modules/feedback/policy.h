// Who may do what with feedback: the module's one policy. Route handlers get the caller from
// Sessions (authenticate() or require_user() for 401) and refuse through accounts/access.h.
//   - an author reads their own feedback in full, rates and reopens it, comments on it;
//   - officials (officers, admins) see the queue; an officer acts on the feedback of their own
//     agency, an admin on any;
//   - admins manage the feedback fields;
//   - photos attached to feedback or to an answer are the writer's own uploads.
// What each viewer sees of one record is view_for() (handlers.h).
#pragma once

#include <string>
#include <vector>

#include "modules/accounts/sessions.h"
#include "modules/feedback/store.h"

namespace soci {
class session;
}  // namespace soci

namespace cdscb::server::feedback {

// Officers and admins: the queue, the colleague list, the official actions' entry.
bool is_official(const accounts::AuthUser& user);
// Whether `user` may act on `feedback` as an official: an admin, or an officer of its current
// agency.
bool official_for(const accounts::AuthUser& user, const Feedback& feedback);
// Whether the queue of `user` spans every agency (admins) rather than their own.
bool sees_every_agency(const accounts::AuthUser& user);
// Feedback fields: admins only.
bool may_administer(const accounts::AuthUser& user);
// Whether `user` may attach the photos `ids` (to new feedback, or to an answer): only photos
// they uploaded themselves.
bool may_attach_photos(soci::session& sql, const accounts::AuthUser& user,
                       const std::vector<std::string>& ids);

}  // namespace cdscb::server::feedback
