// Phone accounts: registration confirmed by a text-message code, sign-in with number and password,
// sessions in an HttpOnly cookie, and password reset by code.
//   POST   /api/v1/accounts/register       {full_name, phone, password}  → 201
//   POST   /api/v1/accounts/verify         {phone, code}                 → 200 {"user"} + cookie
//   POST   /api/v1/accounts/resend         {phone, purpose}              → 202 | 429
//   POST   /api/v1/sessions                {phone, password}             → 200 {"user"} + cookie
//   DELETE /api/v1/sessions/current                                      → 204
//   DELETE /api/v1/sessions                (every device)                → 204
//   GET    /api/v1/me                                                    → 200 {"user"} | 401
//   POST   /api/v1/password-resets         {phone}                       → 202
//   POST   /api/v1/password-resets/confirm {phone, code, new_password}   → 204
// and account management, listed in modules/accounts/management.h.
#pragma once

#include <vector>

#include "db/database.h"
#include "http/router.h"
#include "integrations/sms/sms_sender.h"
#include "jobs/jobs.h"
#include "modules/accounts/passwords.h"
#include "modules/accounts/personal_data.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server {

struct AccountsDeps {
  db::Database& database;
  integrations::SmsSender& sms;
  jobs::Jobs& jobs;             // texts go out as jobs (code_delivery.h)
  accounts::Sessions sessions;  // its clock is the module's clock
  accounts::PasswordHasher hasher;
  // Other modules' personal data, for "download my data" and "delete my account".
  std::vector<accounts::PersonalDataSection> personal_data = {};
};

void register_accounts_routes(http::Router& router, const AccountsDeps& deps);

}  // namespace cdscb::server
