#pragma once
// "Quản lý cán bộ" (admins only): the officials' accounts, admins first, then officers with their
// agency, a page at a time; and the way to "Tạo tài khoản cán bộ".
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/screens/screen.h"
#include "app/state/agency_list.h"
#include "core/roles.h"

namespace cdscb::app::screens {

class Officials : public Screen {
 public:
  void on_enter(AppContext& ctx) override;
  void draw(AppContext& ctx) override;

 private:
  struct Person {
    std::string name, phone_masked, agency;  // agency: its code
  };
  // One role's list, read a page at a time with the server's cursor.
  struct RoleList {
    core::Role role;
    std::vector<Person> people;
    std::string next_cursor;
    bool loaded = false;
    api::Call call;
  };
  void load(AppContext& ctx, RoleList& list);
  void take_answer(AppContext& ctx, RoleList& list);
  void draw_list(AppContext& ctx, RoleList& list, float width);

  state::AgencyList agencies_;
  RoleList admins_{core::Role::kAdmin};
  RoleList officers_{core::Role::kOfficer};
  api::ApiError error_;
};

}  // namespace cdscb::app::screens
