// Who may do what with news and alerts: the module's one policy. Route handlers get the caller
// from Sessions (authenticate(), or require_user() for 401) and refuse through accounts/access.h.
//   - anyone reads published articles and current alerts;
//   - officials (officers, admins) write articles, see drafts and raise alerts;
//   - an article is edited, published and withdrawn by an admin or by an officer of the agency
//     it belongs to. Imported feed items belong to no agency (feeds are configured by the
//     operator for the whole province, not by an agency), so only admins edit them;
//   - an alert is taken down by an admin or by an officer of the agency that raised it;
//   - a cover photo is one the writer uploaded.
#pragma once

#include <optional>
#include <string>

#include "modules/accounts/sessions.h"
#include "modules/news/articles.h"

namespace soci {
class session;
}  // namespace soci

namespace cdscb::server::news {

// Writing articles, reading drafts, raising alerts: officers and admins.
bool may_write(const accounts::AuthUser& user);
// Whether `viewer` (or the signed-out) may read an unpublished article; others get 404.
bool may_read_draft(const std::optional<accounts::AuthUser>& viewer);
bool may_edit(const accounts::AuthUser& user, const Article& article);
// `agency`: the agency of the official who raised the alert (none when an admin did).
bool may_take_down_alert(const accounts::AuthUser& user, const std::optional<std::string>& agency);
bool may_use_cover(soci::session& sql, const accounts::AuthUser& user, const std::string& media_id);

}  // namespace cdscb::server::news
