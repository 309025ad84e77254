// "Đăng nhập bằng VNeID": the browser side of the OpenID Connect login and linking the identity
// to a local account.
//   GET    /api/v1/auth/vneid/start          → 302 to the provider + cdscb_vneid attempt cookie
//   GET    /api/v1/auth/vneid/callback       → 302 to /#/ (signed in) or /#/lien-ket-vneid
//   GET    /api/v1/auth/vneid/pending        → 200 {"identity"} | 4xx remembered error | 404
//   POST   /api/v1/auth/vneid/link/new       {phone?}          → 201 {"user"} + session cookie
//   POST   /api/v1/auth/vneid/link/existing  {phone, password} → 200 {"user"} + session cookie
//   POST   /api/v1/auth/vneid/link/current   {password}        → 200 {"user"} (signed in already)
//   DELETE /api/v1/me/vneid                  {password}        → 200 {"user"}
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "db/database.h"
#include "http/router.h"
#include "integrations/vneid/oidc_client.h"
#include "modules/accounts/passwords.h"
#include "modules/accounts/personal_data.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server {

inline constexpr std::string_view kVneidAttemptCookie = "cdscb_vneid";

struct VneidDeps {
  db::Database& database;
  accounts::Sessions sessions;  // its clock is the module's clock
  accounts::PasswordHasher hasher;
  // Null when VNeID is not configured: /start answers 404.
  std::shared_ptr<integrations::vneid::OidcClient> client;
  bool secure_cookie = false;
};

void register_vneid_routes(http::Router& router, const VneidDeps& deps);

// The linked identity in "download my data"; deleting the account deletes the link.
accounts::PersonalDataSection vneid_personal_data();

}  // namespace cdscb::server
