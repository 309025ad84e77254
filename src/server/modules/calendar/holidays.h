// Public holidays and make-up working days, which every deadline in working days skips or counts
// (feedback's answer deadlines, dossiers' due dates). Seeded from data/holidays.csv
// (date,name[,working_day]) at start-up:
// a new date is inserted, a date from the file replaces the stored name only while no admin has
// added or removed that date through the API. Rows are not deleted: an admin's removal keeps the
// row with deleted_at set, so the file cannot bring the day back on the next start.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/working_hours.h"

namespace soci {
class session;
}

namespace cdscb::server::calendar {

struct Holiday {
  std::string date;  // "YYYY-MM-DD", Vietnam's calendar
  std::string name;
  bool working_day = false;  // a Saturday or Sunday worked to make up a bridge day off
};

// Lines whose first cell starts with '#' are comments. A missing file is no error (an
// installation without holidays counts Monday–Friday only); a malformed row throws
// std::runtime_error naming the file and line.
void load_holidays(soci::session& sql, const std::filesystem::path& path);

// The days in force (not removed), by date.
std::vector<Holiday> list_holidays(soci::session& sql);

// The calendar every deadline is computed with. A module computes a deadline once (feedback when
// created, transferred or reopened); editing the holidays later does not move existing deadlines.
core::WorkCalendar work_calendar(soci::session& sql);

}  // namespace cdscb::server::calendar
