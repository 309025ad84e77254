#pragma once
#include <string>

#include "app/api/client.h"
#include "app/screens/screen.h"

namespace cdscb::app::screens {

// After the first "Đăng nhập bằng VNeID" of an identity with no account here: "Tạo mới tài
// khoản liên kết" from the VNeID data, or link it to an existing phone account (guide II.1).
// A citizen who was signed in already ("Liên kết VNeID" in Quản lý tài khoản) links it to the
// account they are in, after its password.
class LinkVneid : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  struct Identity {
    std::string name, number_masked, birth_date, gender, phone;
  };
  void take_answers(AppContext& ctx);
  void draw_identity(AppContext& ctx, float width);
  void draw_link_current(AppContext& ctx, float width);

  api::Call pending_;
  api::Call link_;
  bool loaded_ = false;
  bool has_identity_ = false;
  Identity identity_;
  std::string phone_;           // for a new account when VNeID gave none
  std::string existing_phone_;  // linking to an account that already exists
  std::string existing_password_;
  std::string current_password_;  // the signed-in account's, to link it
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
