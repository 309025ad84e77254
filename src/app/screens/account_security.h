#pragma once
// The rest of "Quản lý tài khoản": change the password, download all my data, delete my account
// (personal-data rights; the feedback I sent stays with the government, without my name).
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens {

class AccountSecurity {
 public:
  void reset();
  void draw(AppContext& ctx, float width);

 private:
  void take_answers(AppContext& ctx);

  std::string current_password_, new_password_;
  std::string delete_password_;
  bool confirm_delete_ = false;
  api::Call change_;
  api::Call erase_;
  api::ApiError change_error_, erase_error_;
  bool changed_ = false;
};

}  // namespace cdscb::app::screens
