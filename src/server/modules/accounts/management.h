// Account management ("Quản lý tài khoản"), registered by register_accounts_routes:
//   GET    /api/v1/communes                                       → 200
//   {"communes":[{code,name,kind}]} PATCH  /api/v1/me  {full_name?, birth_date?, gender?, commune?,
//   street?, email?}
//                                                                 → 200 {"user"} | 422
//   PUT    /api/v1/me/password {current_password, new_password}  → 204 | 401 | 422 | 429
//   GET    /api/v1/me/sessions                                    → 200 {"sessions":[…]}
//   DELETE /api/v1/me/sessions/{id}                               → 204 | 404
//   GET    /api/v1/me/export                                      → 200 JSON attachment
//   DELETE /api/v1/me  {password}                                 → 204 + expired cookie | 401
//   POST   /api/v1/admin/users {full_name, phone, password, role, agency?} → 201 {"user"}
//   GET    /api/v1/admin/users?role=&limit=&cursor=               → 200 {"users","next_cursor"}
#pragma once

#include <string_view>

#include "http/router.h"
#include "modules/accounts/login_throttle.h"
#include "modules/accounts/routes.h"
#include "modules/accounts/users.h"

namespace cdscb::server::accounts {

void register_profile_routes(http::Router& router, const AccountsDeps& deps);
void register_data_rights_routes(http::Router& router, const AccountsDeps& deps);
void register_admin_routes(http::Router& router, const AccountsDeps& deps);

// Whether the user's identity fields (full_name, birth_date, gender) came from VNeID and are
// therefore read-only: true for an account linked to a VNeID identity.
bool identity_locked(const User& user);

inline constexpr std::string_view kIdentityLocked = "Thông tin này lấy từ VNeID và không sửa được.";
inline constexpr std::string_view kFieldNotEditable = "Không sửa được thông tin này ở đây.";
inline constexpr std::string_view kWrongCurrentPassword = "Mật khẩu hiện tại không đúng.";
inline constexpr std::string_view kWrongPassword = "Mật khẩu không đúng.";
inline constexpr std::string_view kSessionNotFound = "Không tìm thấy phiên đăng nhập này.";

// The session's id in the API: derived from its token hash, so it neither is nor reveals the
// token, and says nothing about how many sessions exist.
std::string public_session_id(std::string_view token_hash);

// Unix seconds as RFC 3339 UTC.
std::string rfc3339(long long unix_seconds);

}  // namespace cdscb::server::accounts
