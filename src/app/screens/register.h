#pragma once
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

// "Đăng ký tài khoản": Họ tên, Số điện thoại, Mật khẩu → "Đăng ký" (guide II.2); the phone is
// then confirmed with the SMS code on the next screen.
class Register : public Screen {
 public:
  void draw(AppContext& ctx) override;

 private:
  void take_answer(AppContext& ctx);

  std::string full_name_;
  std::string phone_;
  std::string password_;
  api::Call call_;
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
