// The dossier's status table (who may do what when), its code and its due date in working days,
// with the 15:00 rule and the clock that stops for a supplement and restarts in full.
#include "core/dossier.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "core/message.h"
#include "core/supplement.h"
#include "core/survey.h"

using namespace cdscb;

namespace {

long long vn(const char* date, int hour, int minute) {
  const auto day = core::parse_calendar_day(date);
  REQUIRE(day);
  return *day * 86400 + hour * 3600 + minute * 60 - core::kVietnamUtcOffset;
}

using core::kActorCitizen;
using core::kActorOfficer;

}  // namespace

TEST_CASE("ten statuses with the national codes 1–10, each label a key") {
  const auto statuses = core::dossier_statuses();
  REQUIRE(statuses.size() == 10);
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    CHECK(statuses[i].national_code == static_cast<int>(i) + 1);
    CHECK(statuses[i].label_key == "services.status." + std::string(statuses[i].code));
  }
  CHECK(core::find_dossier_status("supplement_requested")->national_code == 5);
  CHECK_FALSE(core::find_dossier_status("done"));
  // Every transition goes between known statuses, by a known actor.
  for (const auto& t : core::dossier_transitions()) {
    CHECK(core::find_dossier_status(t.from));
    CHECK(core::find_dossier_status(t.to));
    CHECK_FALSE(core::find_dossier_status(t.from)->final);
    CHECK((t.actor == kActorCitizen || t.actor == kActorOfficer || t.actor == core::kActorSystem));
  }
}

TEST_CASE("the one-stop path: registered → received → processing → processed → returned") {
  using core::next_dossier_status;
  CHECK(core::initial_dossier_status(false) == core::kDossierRegistered);
  CHECK(core::initial_dossier_status(true) == core::kDossierAwaitingFee);
  CHECK(next_dossier_status("awaiting_fee", "fee_paid", core::kActorSystem) == "registered");
  CHECK_FALSE(next_dossier_status("awaiting_fee", "fee_paid", kActorCitizen));  // not on their word
  CHECK(next_dossier_status("registered", "receive", kActorOfficer) == "received");
  CHECK_FALSE(next_dossier_status("registered", "receive", kActorCitizen));
  CHECK(next_dossier_status("received", "start", kActorOfficer) == "processing");
  CHECK(next_dossier_status("processing", "transfer", kActorOfficer) == "processing");
  CHECK(next_dossier_status("processing", "finish", kActorOfficer) == "processed");
  CHECK(next_dossier_status("processed", "return_result", kActorOfficer) == "returned");
  CHECK_FALSE(next_dossier_status("returned", "return_result", kActorOfficer));
  CHECK_FALSE(next_dossier_status("registered", "return_result", kActorOfficer));
  CHECK_FALSE(next_dossier_status("nonsense", "receive", kActorOfficer));
  CHECK(next_dossier_status("registered", "refuse", kActorOfficer) == "not_received");
  CHECK(next_dossier_status("processing", "stop", kActorOfficer) == "stopped");
}

TEST_CASE("a supplement goes back to be received again; refusing waits for its deadline") {
  using core::next_dossier_status;
  for (const char* from : {"registered", "received", "processing"})
    CHECK(next_dossier_status(from, "request_supplement", kActorOfficer) == "supplement_requested");
  CHECK(next_dossier_status("supplement_requested", "supplement", kActorCitizen) == "registered");
  CHECK_FALSE(next_dossier_status("supplement_requested", "supplement", kActorOfficer));
  CHECK_FALSE(next_dossier_status("supplement_requested", "refuse", kActorOfficer));
  CHECK(next_dossier_status("supplement_requested", "refuse", kActorOfficer,
                            {.supplement_expired = true}) == "not_received");
  // The deadline: the end of the 5th calendar day after the request (Vietnam time).
  CHECK(core::supplement_deadline(vn("2026-12-07", 16, 0), 5) == vn("2026-12-13", 0, 0));
  CHECK(core::supplement_deadline(vn("2026-12-07", 0, 10), 0) == vn("2026-12-08", 0, 0));
}

TEST_CASE("Rút hồ sơ only before processing; a late result needs the apology first") {
  using core::next_dossier_status;
  for (const char* from : {"registered", "awaiting_fee", "received"})
    CHECK(next_dossier_status(from, "withdraw", kActorCitizen) == "withdrawn");
  for (const char* from : {"processing", "processed", "returned"})
    CHECK_FALSE(next_dossier_status(from, "withdraw", kActorCitizen));
  CHECK(next_dossier_status("supplement_requested", "withdraw", kActorCitizen) == "withdrawn");
  CHECK_FALSE(next_dossier_status("supplement_requested", "withdraw", kActorCitizen,
                                  {.processing_started = true}));
  CHECK_FALSE(next_dossier_status("registered", "withdraw", kActorOfficer));

  CHECK_FALSE(next_dossier_status("processed", "return_result", kActorOfficer, {.overdue = true}));
  CHECK(next_dossier_status("processed", "return_result", kActorOfficer,
                            {.overdue = true, .apology_sent = true}) == "returned");
  CHECK_FALSE(next_dossier_status("processing", "apologize", kActorOfficer));
  CHECK(next_dossier_status("processing", "apologize", kActorOfficer, {.overdue = true}) ==
        "processing");

  CHECK(core::dossier_actions("received", kActorCitizen) ==
        std::vector<std::string_view>{"withdraw"});
  const auto officer = core::dossier_actions("processed", kActorOfficer, {.overdue = true});
  CHECK(officer == std::vector<std::string_view>{"apologize"});
  CHECK(core::dossier_actions("awaiting_fee", kActorOfficer) ==
        std::vector<std::string_view>{"fee_paid", "refuse"});
  CHECK(core::dossier_action_label_key("return_result") == "services.action.return_result");
  CHECK(core::dossier_action_needs_note("request_supplement"));
  CHECK(core::dossier_action_needs_note("refuse"));
  CHECK_FALSE(core::dossier_action_needs_note("receive"));
}

TEST_CASE("the dossier code: {unit}-{yyMMdd}-{NNNN} in Vietnam's calendar, and back") {
  // 27/10/2023 at 06:30 in Vietnam is still 26/10 in UTC.
  CHECK(core::format_dossier_code("000.00.06.H56", vn("2023-10-27", 6, 30), 361) ==
        "000.00.06.H56-231027-0361");
  CHECK(core::format_dossier_code("000.17.22.H56", vn("2021-05-31", 23, 59), 1) ==
        "000.17.22.H56-210531-0001");
  CHECK(core::format_dossier_code("H14", vn("2026-12-07", 9, 0), 9999) == "H14-261207-9999");
  CHECK_FALSE(core::format_dossier_code("H14", 0, 0));
  CHECK_FALSE(core::format_dossier_code("H14", 0, 10000));
  CHECK_FALSE(core::format_dossier_code("H-14", 0, 1));
  CHECK_FALSE(core::format_dossier_code("", 0, 1));

  const auto parsed = core::parse_dossier_code("000.00.06.H56-231027-0361");
  REQUIRE(parsed);
  CHECK(parsed->unit == "000.00.06.H56");
  CHECK(parsed->day == *core::parse_calendar_day("2023-10-27"));
  CHECK(parsed->counter == 361);
  for (const char* bad :
       {"000.00.06.H56-231027-361", "000.00.06.H56-231327-0361", "000.00.06.H56-231027-0000",
        "-231027-0001", "231027-0001", "000.00.06.H56-2310270-0361", "000 00-231027-0361",
        "000.00.06.H56-231027-03a1"})
    CHECK_MESSAGE(!core::parse_dossier_code(bad), bad);
  // A code from the national portal (5 random digits) stays an opaque string: it does not parse.
  CHECK_FALSE(core::parse_dossier_code("000.00.06.H56-231027-12345"));
}

TEST_CASE("due dates in working days: the receipt's example, holidays, the 15:00 rule") {
  const core::WorkCalendar none;
  // Friday 27/10/2023 9:32 + 5 working days → Friday 3/11/2023 9:32 (the receipt of A5).
  CHECK(core::dossier_due_at(vn("2023-10-27", 9, 32), 5, false, none) == vn("2023-11-03", 9, 32));
  // A holiday on Monday 30/10 moves it one working day further.
  core::WorkCalendar holiday;
  holiday.days_off.insert(*core::parse_calendar_day("2023-10-30"));
  CHECK(core::dossier_due_at(vn("2023-10-27", 9, 32), 5, false, holiday) ==
        vn("2023-11-06", 9, 32));
  // Birth registration, 1 day: before 15:00 it counts from then …
  CHECK(core::dossier_due_at(vn("2026-12-07", 14, 59), 1, true, none) == vn("2026-12-08", 14, 59));
  // … at 15:00 or later from the next working day, due at its end; Friday → Monday.
  CHECK(core::dossier_due_at(vn("2026-12-07", 15, 0), 1, true, none) == vn("2026-12-08", 17, 0));
  CHECK(core::dossier_due_at(vn("2026-12-11", 16, 0), 1, true, none) == vn("2026-12-14", 17, 0));
  // Without the rule, 15:30 counts from 15:30.
  CHECK(core::dossier_due_at(vn("2026-12-07", 15, 30), 1, false, none) == vn("2026-12-08", 15, 30));
  // Received on a Saturday: counting starts on Monday at 7:30.
  CHECK(core::dossier_due_at(vn("2026-12-12", 10, 0), 2, true, none) == vn("2026-12-15", 17, 0));
  // 0 days: the end of the day it is received on, or of the next working day after 15:00.
  CHECK(core::dossier_due_at(vn("2026-12-07", 9, 0), 0, true, none) == vn("2026-12-07", 17, 0));
  CHECK(core::dossier_due_at(vn("2026-12-07", 15, 5), 0, true, none) == vn("2026-12-08", 17, 0));
}

TEST_CASE("a supplement stops the clock, which restarts in full when it is accepted") {
  const core::WorkCalendar none;
  const long long received = vn("2026-12-01", 9, 0);  // Tuesday
  std::vector<core::DossierStatusChange> history{{vn("2026-11-30", 20, 0), "registered"},
                                                 {received, "received"}};
  CHECK(core::dossier_due_from_history(history, 5, false, none) == vn("2026-12-08", 9, 0));
  history.push_back({vn("2026-12-02", 10, 0), "processing"});
  history.push_back({vn("2026-12-02", 11, 0), "processing"});  // a transfer keeps the clock
  CHECK(core::dossier_due_from_history(history, 5, false, none) == vn("2026-12-08", 9, 0));
  history.push_back({vn("2026-12-03", 10, 0), "supplement_requested"});
  CHECK_FALSE(core::dossier_due_from_history(history, 5, false, none));
  history.push_back({vn("2026-12-07", 8, 0), "registered"});  // the citizen sent it
  CHECK_FALSE(core::dossier_due_from_history(history, 5, false, none));
  history.push_back({vn("2026-12-07", 15, 30), "received"});  // accepted: 5 full days again
  CHECK(core::dossier_due_from_history(history, 5, true, none) == vn("2026-12-14", 17, 0));
  CHECK(core::dossier_due_from_history(history, 5, false, none) == vn("2026-12-14", 15, 30));
  history.push_back({vn("2026-12-10", 9, 0), "returned"});
  CHECK(core::dossier_due_from_history(history, 5, false, none) == vn("2026-12-14", 15, 30));

  const std::vector<core::DossierStatusChange> refused{{received, "registered"},
                                                       {received + 60, "not_received"}};
  CHECK_FALSE(core::dossier_due_from_history(refused, 5, false, none));
  CHECK_FALSE(core::dossier_due_from_history({}, 5, false, none));
}

TEST_CASE("a supplement request: what is missing, papers of the procedure, a reason, 1–30 days") {
  core::Procedure p;
  p.papers = {core::Paper{.code = "giay_chung_sinh", .name = "Giấy chứng sinh"}};
  core::SupplementRequest r{.items = {"Giấy chứng sinh (bản chính)", " "},
                            .papers = {"giay_chung_sinh"},
                            .reason = "Ảnh chụp bị mờ, không đọc được.",
                            .days = 5};
  CHECK(core::validate_supplement_request(r, p).empty());
  const auto bad = core::validate_supplement_request(
      {.items = {" ", ""}, .papers = {"khong_co"}, .reason = "\n", .days = 31}, p);
  CHECK(bad.at("items") == core::kSupplementItemsRequired);
  CHECK(core::message_parts(bad.at("papers")).key == core::kPapersUnknown);
  CHECK(bad.at("reason") == core::kSupplementReasonRequired);
  CHECK(core::message_parts(bad.at("days")).args == std::vector<std::string>{"30"});
  CHECK(core::validate_supplement_request({.items = {"x"}, .reason = "y", .days = 0}, p)
            .contains("days"));
  r.items.assign(31, "x");
  CHECK(core::message_parts(core::validate_supplement_request(r, p).at("items")).key ==
        core::kSupplementTooManyItems);
  r.items = {std::string(501, 'a')};
  CHECK(core::message_parts(core::validate_supplement_request(r, p).at("items")).key ==
        core::kFormTooLong);
  // Its JSON reads back exactly.
  r.items = {"Giấy chứng sinh"};
  CHECK(core::supplement_request_from_json(core::supplement_request_json<nlohmann::json>(r)) == r);
}

TEST_CASE("the satisfaction survey: the scorecard's eight questions, each 0–2, a short comment") {
  std::vector<int> indices;
  for (const auto& q : core::survey_questions()) indices.push_back(q.index);
  CHECK(indices == std::vector<int>{1, 2, 3, 4, 6, 7, 10, 11});
  core::SurveyAnswers a;
  for (int index : indices) a.answers[index] = core::kVerySatisfied;
  a.comment = "Cán bộ hướng dẫn tận tình.";
  CHECK(core::validate_survey(a).empty());
  CHECK(core::survey_score(a) == 16);
  a.answers[7] = core::kNotSatisfied;
  CHECK(core::survey_score(a) == 14);
  a.answers.erase(3);
  a.answers[10] = 3;
  a.answers[5] = 2;  // index 5 is not asked of citizens
  a.comment = std::string(2001, 'a');
  const auto errors = core::validate_survey(a);
  CHECK(errors.at("q3") == core::kSurveyAnswerRequired);
  CHECK(errors.at("q10") == core::kSurveyAnswerRequired);
  CHECK(core::message_parts(errors.at("q5")).key == core::kFormUnknownField);
  CHECK(core::message_parts(errors.at("comment")).key == core::kFormTooLong);
  CHECK(errors.size() == 4);
  CHECK(core::survey_answer_label_key(core::kVerySatisfied) == "services.survey.answer_2");
}
