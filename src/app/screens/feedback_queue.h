#pragma once
// "Xử lý phản ánh": the queue of an official's agency (all for an admin), overdue first, then
// new ones oldest first; overdue items are marked.
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "core/feedback_record.h"

namespace cdscb::app::screens {

class FeedbackQueue {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  api::Call list_;
  std::vector<core::FeedbackRecord> items_;
  std::string error_;
  bool loaded_ = false;
};

}  // namespace cdscb::app::screens
