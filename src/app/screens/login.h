#pragma once
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

// "Đăng nhập" with Số điện thoại + Mật khẩu (guide II.3), and the way to "Đăng ký tài khoản".
class Login : public Screen {
 public:
  void draw(AppContext& ctx) override;

 private:
  void submit(AppContext& ctx);
  void take_answer(AppContext& ctx);

  std::string phone_;
  std::string password_;
  api::Call call_;
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
