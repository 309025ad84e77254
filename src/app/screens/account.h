#pragma once
#include "app/api/client.h"
#include "app/screens/account_security.h"
#include "app/screens/account_vneid.h"
#include "app/screens/profile_form.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

// "Quản lý tài khoản": who is signed in, VNeID, the way to the sessions (and, for an admin, to
// the officials), the profile, and signing out here or on every device.
class Account : public Screen {
 public:
  void on_enter(AppContext& ctx) override {
    profile_.load(ctx);
    security_.reset();
    vneid_.reset();
  }
  void draw(AppContext& ctx) override;

 private:
  ProfileForm profile_;
  AccountSecurity security_;
  VneidPanel vneid_;
  api::Call logout_;
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
