#include "modules/feedback/policy.h"

#include "modules/media/uploads.h"

namespace cdscb::server::feedback {

bool is_official(const accounts::AuthUser& user) { return core::is_official(user.role); }

bool official_for(const accounts::AuthUser& user, const Feedback& feedback) {
  if (user.role == core::Role::kAdmin) return true;
  return user.role == core::Role::kOfficer && user.agency && *user.agency == feedback.agency;
}

bool sees_every_agency(const accounts::AuthUser& user) { return user.role == core::Role::kAdmin; }

bool may_administer(const accounts::AuthUser& user) { return user.role == core::Role::kAdmin; }

bool may_attach_photos(soci::session& sql, const accounts::AuthUser& user,
                       const std::vector<std::string>& ids) {
  return media::uploaded_all_by(sql, ids, user.id);
}

}  // namespace cdscb::server::feedback
