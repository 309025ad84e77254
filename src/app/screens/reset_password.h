#pragma once
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

// "Quên mật khẩu": a code sent to the phone, then a new password (every device is signed out).
class ResetPassword : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void take_answers(AppContext& ctx);

  std::string phone_, phone_masked_, code_, password_;
  bool code_sent_ = false;
  bool done_ = false;
  api::Call request_;
  api::Call confirm_;
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
