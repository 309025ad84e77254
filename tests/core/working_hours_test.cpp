// Deadlines over public holidays and make-up working days, and the holidays shipped in
// data/holidays.csv checked against the Labour Code 2019 art. 112 and the lunar calendar.
#include "core/working_hours.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/csv.h"
#include "core/time_text.h"

using namespace cdscb;

namespace {

// Unix seconds of a Vietnam wall-clock time.
long long vn(const char* date, int hour, int minute) {
  const auto day = core::parse_calendar_day(date);
  REQUIRE(day);
  return *day * 86400 + hour * 3600 + minute * 60 - core::kVietnamUtcOffset;
}

long long day(const char* date) { return *core::parse_calendar_day(date); }

core::WorkCalendar tet_2027() {
  core::WorkCalendar calendar;
  for (const char* date : {"2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                           "2027-02-10", "2027-02-11"}) {
    calendar.days_off.insert(day(date));
  }
  return calendar;
}

}  // namespace

TEST_CASE("calendar days parse only as real YYYY-MM-DD dates and print back the same") {
  CHECK(core::parse_calendar_day("1970-01-01") == 0);
  CHECK(core::parse_calendar_day("2027-02-06") == 20855);
  CHECK(core::iso_date(20855) == "2027-02-06");
  CHECK(core::parse_calendar_day("2028-02-29"));
  CHECK_FALSE(core::parse_calendar_day("2027-02-29"));
  CHECK_FALSE(core::parse_calendar_day("2027-2-6"));
  CHECK_FALSE(core::parse_calendar_day("06/02/2027"));
  CHECK_FALSE(core::parse_calendar_day(""));
}

TEST_CASE("holidays are not working days; a make-up Saturday is") {
  core::WorkCalendar calendar;
  calendar.days_off.insert(day("2026-01-02"));                     // Friday swapped …
  calendar.working_days.insert(day("2026-01-10"));                 // … for Saturday 10/01
  CHECK(core::is_working_day(day("2026-01-05"), calendar));        // Monday
  CHECK_FALSE(core::is_working_day(day("2026-01-02"), calendar));  // the swapped Friday
  CHECK(core::is_working_day(day("2026-01-10"), calendar));        // the make-up Saturday
  CHECK_FALSE(core::is_working_day(day("2026-01-17"), calendar));  // an ordinary Saturday
  CHECK_FALSE(core::is_working_day(day("2026-01-11"), calendar));  // Sunday

  // With 1/1 off too, feedback sent on Wednesday 31/12 at 16:00 has 1 h that day, then 7 h from
  // Monday 5/01 7:30: 4 h in the morning, 3 h in the afternoon → 16:30.
  calendar.days_off.insert(day("2026-01-01"));
  CHECK(core::receive_deadline(vn("2025-12-31", 16, 0), calendar) == vn("2026-01-05", 16, 30));
  // 5 working days from Monday 5/01 7:30: Mon–Fri → Friday 9/01 17:00, whatever the Saturday.
  CHECK(core::answer_deadline(vn("2026-01-05", 7, 30), 5, calendar) == vn("2026-01-09", 17, 0));
  // 6 working days: the make-up Saturday 10/01 is the sixth.
  CHECK(core::answer_deadline(vn("2026-01-05", 7, 30), 6, calendar) == vn("2026-01-10", 17, 0));
}

TEST_CASE("a deadline over Tết 2027 waits for the offices to open again") {
  const core::WorkCalendar calendar = tet_2027();
  // Thursday 4/02 15:00: 2 h that day, Tết from Friday 5/02 to Thursday 11/02 (with the days off
  // in lieu of mùng 1 and 2 on the weekend), then 6 h from Friday 12/02 7:30 → 15:30.
  CHECK(core::receive_deadline(vn("2027-02-04", 15, 0), calendar) == vn("2027-02-12", 15, 30));
  CHECK(core::receive_deadline(vn("2027-02-04", 15, 0), {}) == vn("2027-02-05", 15, 30));
  // 10 working days = 75 h: 2 h on 4/02, 9 full days from 12/02 to 24/02, 5.5 h on 25/02.
  CHECK(core::answer_deadline(vn("2027-02-04", 15, 0), 10, calendar) == vn("2027-02-25", 15, 0));
  // Sent during Tết: counting starts on the first working day after it, Friday 12/02 (7.5 h),
  // then 0.5 h on Monday 15/02.
  CHECK(core::receive_deadline(vn("2027-02-06", 10, 0), calendar) == vn("2027-02-15", 8, 0));
  // A calendar with every day off gives up instead of looping: the deadline is the start.
  core::WorkCalendar closed;
  for (long long d = day("2027-01-01"); d < day("2037-12-31"); ++d) closed.days_off.insert(d);
  CHECK(core::receive_deadline(vn("2027-02-04", 15, 0), closed) == vn("2027-02-04", 15, 0));
}

TEST_CASE("data/holidays.csv holds the Labour Code holidays of 2026 and 2027") {
  std::ifstream in(std::string(CDSCB_SOURCE_DIR) + "/data/holidays.csv", std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  const core::CsvTable table = core::parse_csv(text.str());
  REQUIRE(table.errors.empty());
  REQUIRE(table.rows.size() > 1);
  CHECK(table.rows[0].fields == std::vector<std::string>{"date", "name", "working_day"});
  std::map<std::string, std::string> off;
  std::map<std::string, std::string> working;
  for (std::size_t i = 1; i < table.rows.size(); ++i) {
    const auto& fields = table.rows[i].fields;
    if (fields[0].starts_with("#")) continue;
    INFO("line " << table.rows[i].line);
    REQUIRE(fields.size() == 3);
    CHECK(core::parse_calendar_day(fields[0]));
    CHECK_FALSE(fields[1].empty());
    CHECK((fields[2] == "0" || fields[2] == "1"));
    auto& into = fields[2] == "1" ? working : off;
    CHECK(into.emplace(fields[0], fields[1]).second);  // each date once
  }
  for (const auto& [date, name] : working) {
    INFO(date);
    CHECK_FALSE(core::is_working_day(day(date.c_str()), {}));  // only weekends are made up
  }
  // Art. 112: 1/1, 30/4, 1/5, 2/9 and a day next to it; the lunar dates converted with the
  // Vietnamese calendar (UTC+7): Tết Bính Ngọ 17/02/2026, Tết Đinh Mùi 06/02/2027, Giỗ Tổ
  // (10/3 âm lịch) 26/04/2026 and 16/04/2027.
  for (const char* date : {"2026-01-01", "2026-04-30", "2026-05-01", "2026-09-02", "2027-01-01",
                           "2027-04-30", "2027-05-01", "2027-09-02"}) {
    CHECK_MESSAGE(off.contains(date), date);
  }
  CHECK((off.contains("2026-09-01") || off.contains("2026-09-03")));
  CHECK((off.contains("2027-09-01") || off.contains("2027-09-03")));
  CHECK(off["2026-02-17"].find("mùng 1") != std::string::npos);
  CHECK(off["2027-02-06"].find("mùng 1") != std::string::npos);
  CHECK(off["2026-04-26"].find("Hùng Vương") != std::string::npos);
  CHECK(off["2027-04-16"].find("Hùng Vương") != std::string::npos);
  // Tết is 5 days (art. 112 c): count the days named "Tết Nguyên đán (" in each year.
  for (const char* year : {"2026", "2027"}) {
    int tet = 0;
    for (const auto& [date, name] : off) {
      if (date.starts_with(year) && name.starts_with("Tết Nguyên đán (")) ++tet;
    }
    CHECK_MESSAGE(tet == 5, year);
  }
}
