// Admins keep the list of public holidays and make-up working days that deadlines use
// (see holidays.h). The law fixes most holidays, but the government announces each year which
// days around Tết and 2/9 are off and which Saturdays are worked instead, so the list is data.
// Adding or removing a day changes only deadlines computed afterwards: existing records keep the
// deadlines they were given (they are not recomputed), as the citizen was already told them.
#include "modules/calendar/routes.h"

#include <soci/soci.h>

#include "core/feedback.h"
#include "core/text.h"
#include "core/working_hours.h"
#include "db/database.h"
#include "http/json_body.h"
#include "http/messages.h"
#include "modules/accounts/access.h"
#include "modules/calendar/holidays.h"
#include "modules/calendar/messages.h"
#include "modules/calendar/policy.h"

namespace cdscb::server {
namespace calendar {
namespace {

long long now_seconds(const CalendarDeps& deps) {
  return accounts::unix_seconds(deps.sessions.clock()());
}

constexpr std::size_t kNameMax = 100;  // code points
// Dates outside these years are typing mistakes rather than holidays anyone will plan.
constexpr std::string_view kFirstDate = "2000-01-01";
constexpr std::string_view kLastDate = "2100-12-31";

nlohmann::json holiday_json(const Holiday& holiday) {
  return {{"date", holiday.date}, {"name", holiday.name}, {"working_day", holiday.working_day}};
}

http::Response list(const CalendarDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  accounts::require(may_edit_holidays(deps.sessions.require_user(sql, request)));
  nlohmann::json holidays = nlohmann::json::array();
  for (const Holiday& holiday : list_holidays(sql)) holidays.push_back(holiday_json(holiday));
  return http::no_store(http::Response::json(200, {{"holidays", holidays}}));
}

Holiday read_holiday(const nlohmann::json& body, http::FieldErrors& errors) {
  Holiday holiday;
  holiday.date = http::string_field(body, "date", errors).value_or("");
  const auto day = core::parse_calendar_day(holiday.date);
  if (!errors.has("date") && (!day || holiday.date < kFirstDate || holiday.date > kLastDate)) {
    errors.add("date", messages::kHolidayDateInvalid);
  }
  const std::string name = http::string_field(body, "name", errors).value_or("");
  if (!errors.has("name")) {
    holiday.name = core::is_valid_utf8(name) ? core::trim_blank(name) : "";
    if (holiday.name.empty()) {
      errors.add("name", messages::kHolidayNameRequired);
    } else if (core::count_code_points(holiday.name) > kNameMax) {
      errors.add("name", messages::kHolidayNameTooLong);
    }
  }
  if (body.contains("working_day")) {
    if (!body["working_day"].is_boolean()) {
      errors.add("working_day", http::messages::kNotABoolean);
    } else {
      holiday.working_day = body["working_day"].get<bool>();
    }
  }
  // A make-up working day only makes sense on a weekend; a weekday is a working day already.
  if (holiday.working_day && day && !errors.has("date")) {
    if (core::is_working_day(*day, {})) errors.add("date", messages::kWorkingDayNotWeekend);
  }
  return holiday;
}

http::Response create(const CalendarDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  accounts::require(may_edit_holidays(deps.sessions.require_user(sql, request)));
  const nlohmann::json body = http::parse_json_object(request);
  http::FieldErrors errors;
  const Holiday holiday = read_holiday(body, errors);
  errors.throw_if_any();
  const int working = holiday.working_day ? 1 : 0;
  const long long now = now_seconds(deps);
  db::Transaction transaction(sql, deps.database.backend());
  soci::indicator deleted = soci::i_null;
  long long deleted_at = 0;
  sql << "SELECT deleted_at FROM holidays WHERE day = :day", soci::use(holiday.date),
      soci::into(deleted_at, deleted);
  if (sql.got_data() && deleted == soci::i_null) {
    throw http::HttpError(409, "holiday_exists", messages::kHolidayExists,
                          {{"date", messages::kHolidayExists}});
  }
  if (sql.got_data()) {  // removed earlier (perhaps a day from the file): in force again
    sql << "UPDATE holidays SET name = :name, working = :working, edited_at = :now, "
           "deleted_at = NULL WHERE day = :day",
        soci::use(holiday.name), soci::use(working), soci::use(now), soci::use(holiday.date);
  } else {
    sql << "INSERT INTO holidays (day, name, working, edited_at) VALUES (:day, :name, :working, "
           ":now)",
        soci::use(holiday.date), soci::use(holiday.name), soci::use(working), soci::use(now);
  }
  transaction.commit();
  return http::no_store(http::Response::json(201, {{"holiday", holiday_json(holiday)}}));
}

http::Response remove(const CalendarDeps& deps, const http::Request& request) {
  soci::session sql(deps.database.pool());
  accounts::require(may_edit_holidays(deps.sessions.require_user(sql, request)));
  const std::string date(request.param("date").value_or(""));
  const long long now = now_seconds(deps);
  int count = 0;
  sql << "SELECT COUNT(*) FROM holidays WHERE day = :day AND deleted_at IS NULL", soci::use(date),
      soci::into(count);
  if (count == 0) throw http::HttpError(404, "not_found", messages::kHolidayNotFound);
  sql << "UPDATE holidays SET deleted_at = :now, edited_at = :now2 WHERE day = :day",
      soci::use(now), soci::use(now), soci::use(date);
  return http::no_content();
}

}  // namespace
}  // namespace calendar

void seed_calendar(db::Database& database, const std::filesystem::path& data_dir) {
  soci::session sql(database.pool());
  db::Transaction transaction(sql, database.backend());
  calendar::load_holidays(sql, data_dir / "holidays.csv");
  transaction.commit();
}

void register_calendar_routes(http::Router& router, const CalendarDeps& deps) {
  using namespace calendar;
  router.get("/api/v1/admin/holidays",
             [deps](const http::Request& request) { return list(deps, request); });
  router.post("/api/v1/admin/holidays",
              [deps](const http::Request& request) { return create(deps, request); });
  router.del("/api/v1/admin/holidays/{date}",
             [deps](const http::Request& request) { return remove(deps, request); });
}

}  // namespace cdscb::server
