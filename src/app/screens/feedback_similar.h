#pragma once
// "Phản ánh tương tự", the step of "Tạo phản ánh" between "Gửi Phản ánh" and the outbox: the open
// feedback of the draft's field within 200 m, to follow one instead of sending a duplicate.
// Feedback the citizen may see is followed by id; someone else's unpublished feedback comes as
// the follower view (field, day, a rounded distance) and is followed by its token.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "core/feedback.h"
#include "core/feedback_listed.h"

namespace cdscb::app::screens {

class FeedbackSimilar {
 public:
  enum class Outcome { kNone, kSend };

  // Asks for the feedback like `draft` (validated: it has a field and a place).
  void ask(AppContext& ctx, const core::FeedbackDraft& draft);
  bool asking() const { return similar_.waiting(); }
  // kSend once the answer came with nothing similar, or none came (offline): the feedback goes.
  Outcome take_answers(AppContext& ctx);
  bool shown() const { return !items_.empty(); }
  void clear() { items_.clear(); }
  void clear_message() { follow_message_.clear(); }
  // The answer of the last follow ("Đã theo dõi phản ánh"), above the list or the form.
  void draw_message(AppContext& ctx) const;
  // The list with a "Theo dõi" under each, and "Vẫn gửi phản ánh": kSend when that is tapped.
  Outcome draw(AppContext& ctx, float width);

 private:
  api::Call similar_, follow_;
  std::vector<core::ListedFeedback> items_;
  std::string follow_message_;
};

}  // namespace cdscb::app::screens
