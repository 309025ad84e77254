#pragma once
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

// "Đăng tin" for officials: title, summary, the text (blank line = new paragraph, "## " heading,
// "- " list item, [label](https://…) link), category, a cover photo uploaded to /api/v1/media,
// and "Đăng ngay" (publish now, or keep as a draft for "Quản lý tin").
class NewsEditor : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void take_answers(AppContext& ctx);
  void submit(AppContext& ctx);

  std::string title_, summary_, text_;
  int category_ = -1;
  bool publish_now_ = true;
  std::string cover_id_;       // media id once uploaded
  std::string cover_preview_;  // the picked photo's blob: URL, drawn while and after uploading
  std::string pick_;           // request id of the photo picker
  std::string upload_;         // request id of the upload
  api::Call call_;
  api::ApiError error_;
  std::string notice_;
};

}  // namespace cdscb::app::screens
