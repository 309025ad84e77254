#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/screen.h"
#include "app/state/news.h"

namespace cdscb::app::screens {

// "Quản lý tin" for officials: their drafts and published articles, newest first, with
// "Xuất bản" for a draft and "Gỡ tin" for a published one.
class NewsManage : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void take_answers(AppContext& ctx);

  std::vector<state::ArticleSummary> items_;
  std::string next_cursor_;
  api::Call list_, more_;
  std::map<std::string, api::Call> actions_;  // article id → publish/unpublish request
  api::ApiError error_;
  bool loaded_ = false;
};

}  // namespace cdscb::app::screens
