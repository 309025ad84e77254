#pragma once
// "Cá nhân": the feedback I sent, newest first, with its status; those still in the outbox on
// top as "Đang chờ gửi", and those the server refused as "Chưa gửi được" with its message. All of
// it is the signed-in account's: another account signing in starts from an empty list.
#include <optional>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "core/feedback_record.h"

namespace cdscb::app::screens {

class FeedbackMine {
 public:
  void enter(AppContext& ctx);
  // Returns the key of a refused feedback the citizen tapped to fix and send again.
  std::optional<std::string> draw(AppContext& ctx, float width);

 private:
  api::Call list_;
  std::string owner_;  // whose list items_ is (an answer asked for another account is dropped)
  std::vector<core::FeedbackRecord> items_;
  std::string error_;
  bool loaded_ = false;
  int seen_sent_ = -1;
};

}  // namespace cdscb::app::screens
