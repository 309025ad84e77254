#pragma once
// "Tạo tài khoản cán bộ" (admins only): Vai trò, Họ tên, Số điện thoại, Cơ quan (one of the
// province's bodies or a commune's People's Committee) and a temporary password the official
// changes after the first login.
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/screen.h"
#include "app/state/agency_list.h"

namespace cdscb::app::screens {

class OfficialNew : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  void take_answer(AppContext& ctx);
  void submit(AppContext& ctx);

  int role_ = 0;        // index in kRoles: officer first, the usual case
  std::string agency_;  // its code; "" for none
  std::string full_name_, phone_, password_;
  state::AgencyList agencies_;
  api::Call create_;
  api::ApiError error_;
  std::string created_;  // the name of the account just made, for the notice
};

}  // namespace cdscb::app::screens
