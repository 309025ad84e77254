#include "modules/calendar/holidays.h"

#include <soci/soci.h>

#include "core/feedback.h"
#include "core/text.h"
#include "util/seed_file.h"

namespace cdscb::server::calendar {
namespace {

std::vector<Holiday> select_holidays(soci::session& sql) {
  std::vector<Holiday> out;
  Holiday holiday;
  int working = 0;
  soci::statement statement =
      (sql.prepare << "SELECT day, name, working FROM holidays WHERE deleted_at IS NULL "
                      "ORDER BY day",
       soci::into(holiday.date), soci::into(holiday.name), soci::into(working));
  statement.execute();
  while (statement.fetch()) {
    holiday.working_day = working != 0;
    out.push_back(holiday);
  }
  return out;
}

}  // namespace

void load_holidays(soci::session& sql, const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) return;
  for (const core::CsvRow& csv : util::read_seed_rows(path)) {
    const auto& row = csv.fields;
    if (!row.empty() && row[0].starts_with("#")) continue;
    if (row.size() < 2 || !core::parse_calendar_day(row[0]) || core::trim_blank(row[1]).empty()) {
      util::fail_at_line(path, csv.line, "expected date (YYYY-MM-DD),name[,working_day]");
    }
    const int working = row.size() > 2 && core::trim_blank(row[2]) == "1" ? 1 : 0;
    const std::string name = core::trim_blank(row[1]);
    int count = 0;
    sql << "SELECT COUNT(*) FROM holidays WHERE day = :day", soci::use(row[0]), soci::into(count);
    if (count == 0) {
      sql << "INSERT INTO holidays (day, name, working) VALUES (:day, :name, :working)",
          soci::use(row[0]), soci::use(name), soci::use(working);
    } else {
      sql << "UPDATE holidays SET name = :name, working = :working "
             "WHERE day = :day AND edited_at IS NULL",
          soci::use(name), soci::use(working), soci::use(row[0]);
    }
  }
}

std::vector<Holiday> list_holidays(soci::session& sql) { return select_holidays(sql); }

core::WorkCalendar work_calendar(soci::session& sql) {
  core::WorkCalendar calendar;
  for (const Holiday& holiday : select_holidays(sql)) {
    const auto day = core::parse_calendar_day(holiday.date);
    if (!day) continue;
    (holiday.working_day ? calendar.working_days : calendar.days_off).insert(*day);
  }
  return calendar;
}

}  // namespace cdscb::server::calendar
