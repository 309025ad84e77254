// In-app notifications of the signed-in person (store.h says who writes them):
//   GET  /api/v1/notifications?cursor=&limit=  → {"items":[{"id","feedback_id"|null,"text","at",
//                                                  "read"}],"unread","next_cursor"}
//   POST /api/v1/notifications/read  {"all":true} | {"ids":[…]}  → 204
#pragma once

#include "db/database.h"
#include "http/router.h"
#include "modules/accounts/personal_data.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server {

struct NotificationsDeps {
  db::Database& database;
  accounts::Sessions sessions;  // its clock is the module's clock
};

void register_notification_routes(http::Router& router, const NotificationsDeps& deps);

// "Download my data" lists a person's notifications; deleting the account deletes them.
accounts::PersonalDataSection notifications_personal_data();

}  // namespace cdscb::server
