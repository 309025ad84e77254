#pragma once
// One feedback (#/phan-anh/<id>): its details, a map with its pin, photos, the deadline, the
// official answer with its photos and the timeline of every update. The author rates an answer
// (1–5 and a comment) or reopens it once; officials act on it (FeedbackActions).
#include <optional>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/screens/feedback_actions.h"
#include "core/feedback_record.h"

namespace cdscb::app::screens {

class FeedbackDetail {
 public:
  void enter(AppContext& ctx, long long id);
  void draw(AppContext& ctx, float width);

 private:
  void draw_answer(AppContext& ctx);
  void draw_timeline(AppContext& ctx);
  void draw_citizen(AppContext& ctx, float width);

  long long id_ = 0;
  api::Call load_;
  api::Call act_;
  std::optional<core::FeedbackRecord> feedback_;
  std::string error_, act_error_;
  int stars_ = -1;
  std::string comment_, reason_;
  FeedbackActions actions_;
};

}  // namespace cdscb::app::screens
