#include "modules/news/policy.h"

#include "modules/media/uploads.h"

namespace cdscb::server::news {
namespace {

bool same_agency(const accounts::AuthUser& user, const std::optional<std::string>& agency) {
  return user.role == core::Role::kOfficer && user.agency && agency && *user.agency == *agency;
}

}  // namespace

bool may_write(const accounts::AuthUser& user) { return core::is_official(user.role); }

bool may_read_draft(const std::optional<accounts::AuthUser>& viewer) {
  return viewer && may_write(*viewer);
}

bool may_edit(const accounts::AuthUser& user, const Article& article) {
  return user.role == core::Role::kAdmin || same_agency(user, article.agency);
}

bool may_take_down_alert(const accounts::AuthUser& user, const std::optional<std::string>& agency) {
  return user.role == core::Role::kAdmin || same_agency(user, agency);
}

bool may_use_cover(soci::session& sql, const accounts::AuthUser& user,
                   const std::string& media_id) {
  return media::uploaded_by(sql, media_id, user.id);
}

}  // namespace cdscb::server::news
