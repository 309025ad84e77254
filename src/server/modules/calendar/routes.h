// The working-day calendar: public holidays and make-up working days, which every deadline in
// working days uses (feedback's answer deadlines, dossiers' due dates). Other modules read it
// through holidays.h (work_calendar); admins keep it:
//   GET    /api/v1/admin/holidays          → {"holidays":[{"date","name","working_day"}]}
//   POST   /api/v1/admin/holidays          {"date","name","working_day"?} → 201 | 409 | 422
//   DELETE /api/v1/admin/holidays/{date}   → 204 | 404
#pragma once

#include <filesystem>

#include "db/database.h"
#include "http/router.h"
#include "modules/accounts/sessions.h"

namespace cdscb::server {

struct CalendarDeps {
  db::Database& database;
  accounts::Sessions sessions;  // its clock is the module's clock
};

// Loads `data_dir`/holidays.csv (see holidays.h); a missing file is no error.
void seed_calendar(db::Database& database, const std::filesystem::path& data_dir);

void register_calendar_routes(http::Router& router, const CalendarDeps& deps);

}  // namespace cdscb::server
