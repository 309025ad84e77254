#pragma once
#include "app/api/client.h"
#include "app/screens/screen.h"

namespace screens {

// "Quản lý tài khoản": who is signed in, and signing out here or on every device.
class Account : public Screen {
 public:
  void draw(AppContext& ctx) override;

 private:
  api::Call logout_;
  api::ApiError error_;
};

}  // namespace screens
