#pragma once
// "Phản ánh kiến nghị" (#/phan-anh): the menu ("Tạo phản ánh", "Cá nhân", and "Xử lý phản ánh"
// for officials) and the pages under it, chosen by the route's parameter (core::feedback_view).
#include "app/screens/feedback_create.h"
#include "app/screens/feedback_detail.h"
#include "app/screens/feedback_following.h"
#include "app/screens/feedback_mine.h"
#include "app/screens/feedback_public.h"
#include "app/screens/feedback_queue.h"
#include "app/screens/screen.h"
#include "core/routes.h"

namespace cdscb::app::screens {

class Feedback : public Screen {
 public:
  void draw(AppContext& ctx) override;
  void on_enter(AppContext& ctx) override;

 private:
  void enter_page(AppContext& ctx);

  core::FeedbackView view_;
  std::string entered_param_ = "\x01";  // the route parameter the shown page was entered with
  FeedbackCreate create_;
  FeedbackMine mine_;
  FeedbackFollowing following_;
  FeedbackDetail detail_;
  FeedbackQueue queue_;
  FeedbackPublic public_;
};

}  // namespace cdscb::app::screens
