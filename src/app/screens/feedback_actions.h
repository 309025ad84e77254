#pragma once
// What an official does with one feedback: "Tiếp nhận", "Chuyển xử lý", "Giao xử lý" (to a
// colleague picked in "Giao cho cán bộ"), "Chuyển cơ quan" (with a reason), "Trả lời" (text and
// photos; resolves it), "Từ chối" (with a reason), "Công khai"/"Ẩn".
// Only the actions the status allows are offered (the server checks again).
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/state/agency_list.h"
#include "app/state/feedback_form.h"
#include "core/feedback_record.h"

namespace cdscb::app::screens {

class FeedbackActions {
 public:
  void reset();
  // Returns the updated feedback when an action succeeded.
  std::optional<core::FeedbackRecord> draw(AppContext& ctx, const core::FeedbackRecord& feedback,
                                           float width);

 private:
  void take_answers(AppContext& ctx);
  void start(AppContext& ctx, long long id, const std::string& action);
  void post(AppContext& ctx);
  void draw_assign(AppContext& ctx, const core::FeedbackRecord& feedback, float width);

  std::string note_;
  int agency_ = -1;  // the transfer's target, in agencies_.names()
  state::AgencyList agencies_;
  bool agencies_asked_ = false;
  // The officials "Giao cho cán bộ" offers, for the feedback and agency in `colleagues_for_`.
  int assignee_ = -1;
  std::string assignee_error_;  // shown under the picker
  std::vector<long long> colleague_ids_;
  std::vector<std::string> colleague_names_;
  std::string colleagues_for_;
  api::Call colleagues_;
  std::vector<state::FormPhoto> photos_;
  std::string photo_request_;
  std::string upload_request_;
  int uploading_ = -1;
  long long id_ = 0;
  std::string action_;
  api::Call act_;
  std::string error_;
  std::optional<core::FeedbackRecord> updated_;
};

}  // namespace cdscb::app::screens
