#pragma once
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

// "Cảnh báo khẩn" for officials: a flood, landslide or storm notice shown as a banner on every
// citizen's home screen until it expires.
class AlertEditor : public Screen {
 public:
  void draw(AppContext& ctx) override;

 private:
  void take_answer(AppContext& ctx);
  void submit(AppContext& ctx);

  int kind_ = 0;
  std::string title_, text_;
  int expiry_ = 2;  // index into the durations (6 hours)
  api::Call call_;
  api::ApiError error_;
  std::string notice_;
};

}  // namespace cdscb::app::screens
