#pragma once
// "Đang theo dõi" in "Cá nhân": the feedback I follow. Published feedback opens its detail;
// someone else's unpublished feedback shows only what the server's follower view has (field,
// day, status and how the status changed) and is unfollowed by its token, as it was followed.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"
#include "core/feedback_listed.h"

namespace cdscb::app::screens {

class FeedbackFollowing {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  api::Call list_, unfollow_;
  std::vector<core::ListedFeedback> items_;
  std::string error_;
};

}  // namespace cdscb::app::screens
