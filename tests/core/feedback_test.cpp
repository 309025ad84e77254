#include "core/feedback.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/agencies.h"
#include "core/working_hours.h"

using namespace cdscb;

namespace {

core::FeedbackDraft valid_draft() {
  core::FeedbackDraft draft;
  draft.title = "Ổ gà trên đường Kim Đồng";
  draft.content = "Mặt đường có ổ gà sâu, xe máy dễ ngã.";
  draft.field = "giao-thong";
  draft.location = core::FeedbackLocation{22.666, 106.258, 12.0};
  return draft;
}

// 2025-03-03 is a Monday; hh:mm Vietnam time as Unix seconds.
long long vn(int day_of_march, int hour, int minute) {
  const long long days_to_march_2025 = 20148;  // 2025-03-01
  return (days_to_march_2025 + day_of_march - 1) * 86400 + hour * 3600 + minute * 60 - 7 * 3600;
}

}  // namespace

TEST_CASE("the feedback process follows the table of allowed transitions") {
  using core::next_feedback_status;
  CHECK(next_feedback_status("submitted", "receive") == "received");
  CHECK(next_feedback_status("received", "start") == "in_progress");
  CHECK(next_feedback_status("in_progress", "resolve") == "resolved");
  CHECK(next_feedback_status("in_progress", "reject") == "rejected");
  CHECK(next_feedback_status("received", "transfer") == "transferred");
  CHECK(next_feedback_status("transferred", "receive") == "received");
  CHECK(next_feedback_status("resolved", "publish") == "resolved");
  // Illegal moves.
  CHECK_FALSE(next_feedback_status("submitted", "resolve"));
  CHECK_FALSE(next_feedback_status("resolved", "receive"));
  CHECK_FALSE(next_feedback_status("rejected", "start"));
  CHECK_FALSE(next_feedback_status("transferred", "resolve"));
  CHECK_FALSE(next_feedback_status("nonsense", "publish"));
  CHECK_FALSE(next_feedback_status("received", "fly"));
  // Reopen once, only after an answer.
  CHECK(next_feedback_status("resolved", "reopen", false) == "in_progress");
  CHECK_FALSE(next_feedback_status("resolved", "reopen", true));
  CHECK_FALSE(next_feedback_status("rejected", "reopen", false));
}

TEST_CASE("every status has a Vietnamese label and an Open311 open/closed mapping") {
  CHECK(core::feedback_statuses().size() == 6);
  CHECK(core::feedback_status_label("submitted") == "Đã gửi");
  CHECK(core::feedback_status_label("in_progress") == "Đang xử lý");
  CHECK(core::find_feedback_status("resolved")->open == false);
  CHECK(core::find_feedback_status("transferred")->open == true);
  for (const auto& transition : core::feedback_transitions()) {
    CHECK(core::find_feedback_status(transition.from) != nullptr);
    CHECK(core::find_feedback_status(transition.to) != nullptr);
  }
  CHECK(core::is_official_action("receive"));
  CHECK(core::is_official_action("publish"));
  CHECK_FALSE(core::is_official_action("reopen"));
  CHECK(core::action_needs_note("resolve"));
  CHECK_FALSE(core::action_needs_note("receive"));
}

TEST_CASE("a complete draft inside the province is valid") {
  CHECK(core::validate_feedback(valid_draft()).empty());
}

TEST_CASE("draft validation names each bad field with its message key") {
  core::FeedbackDraft draft;
  draft.title = "   ";
  auto errors = core::validate_feedback(draft);
  CHECK(errors["title"] == core::kTitleRequired);
  CHECK(errors["content"] == core::kContentRequired);
  CHECK(errors["field"] == core::kFieldRequired);
  CHECK(errors["location"] == core::kLocationRequired);

  draft = valid_draft();
  draft.title = std::string(201, 'a');
  draft.content = std::string(5001, 'b');
  draft.location = core::FeedbackLocation{21.03, 105.85, std::nullopt};  // Hà Nội
  draft.commune = "xa-khong-co";
  draft.photos = {"1", "2", "3", "4", "5", "6"};
  errors = core::validate_feedback(draft);
  CHECK(errors["title"] == core::kTitleTooLong);
  CHECK(errors["content"] == core::kContentTooLong);
  CHECK(errors["location"] == "validation.feedback.outside_province");
  CHECK(errors["commune"] == core::kCommuneUnknown);
  CHECK(errors["photos"] == core::kTooManyPhotos);

  draft = valid_draft();
  draft.title = std::string(200, 'a');  // exactly the limit; Vietnamese letters count as one
  draft.content = "\xff\xfe";
  errors = core::validate_feedback(draft);
  CHECK(errors.count("title") == 0);
  CHECK(errors["content"] == core::kFeedbackInvalidText);
}

TEST_CASE("the province box includes Cao Bằng city and excludes its neighbours") {
  CHECK(core::inside_province(22.666, 106.258));
  CHECK_FALSE(core::inside_province(22.0, 106.0));  // Lạng Sơn side
  CHECK_FALSE(core::inside_province(22.8, 107.0));  // across the border
  CHECK_FALSE(core::inside_province(NAN, 106.258));
}

TEST_CASE("haversine distance") {
  CHECK(core::distance_m(22.666, 106.258, 22.666, 106.258) == doctest::Approx(0.0));
  // 0.001° of latitude is about 111 m.
  CHECK(core::distance_m(22.666, 106.258, 22.667, 106.258) == doctest::Approx(111.2).epsilon(0.01));
}

TEST_CASE("deadlines count only working hours, Vietnam time") {
  // Monday 8:00 + 8 working hours: 3.5 h to 11:30, 3.5 h to 17:00, 1 h Tuesday → Tue 8:30.
  CHECK(core::receive_deadline(vn(3, 8, 0), {}) == vn(4, 8, 30));
  // Friday 16:00: 1 h Friday, then Monday 7:30 + 7 h → Monday 16:30.
  CHECK(core::receive_deadline(vn(7, 16, 0), {}) == vn(10, 16, 30));
  // Saturday evening counts from Monday 7:30: 4 h morning + 3.5 h afternoon + 0.5 h Tuesday.
  CHECK(core::receive_deadline(vn(8, 20, 0), {}) == vn(11, 8, 0));
  // Lunch does not count: Monday 11:00 + 1 h → 14:00.
  CHECK(core::add_working_minutes(vn(3, 11, 0), 60, {}) == vn(3, 14, 0));
  // 5 working days from Monday 7:30 end at Friday 17:00.
  CHECK(core::answer_deadline(vn(3, 7, 30), 5, {}) == vn(7, 17, 0));
  // 10 working days from Wednesday 9:00 → two weeks later, Wednesday 9:00.
  CHECK(core::answer_deadline(vn(5, 9, 0), 10, {}) == vn(19, 9, 0));
}
