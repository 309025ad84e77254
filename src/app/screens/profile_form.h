#pragma once
// The profile part of "Quản lý tài khoản": name, birth date, gender, address (commune or ward
// among the province's 56, and street) and email. Fields that came from VNeID are read-only.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/api/client.h"
#include "app/app_context.h"

namespace cdscb::app::screens {

class ProfileForm {
 public:
  void load(AppContext& ctx);  // copies the signed-in user, fetches the communes once
  void draw(AppContext& ctx, float width);

 private:
  void take_answers(AppContext& ctx);
  nlohmann::json changes(const state::User& user) const;

  std::string full_name_, birth_date_, street_, email_;
  int gender_ = -1;
  int commune_ = -1;
  std::vector<std::string> commune_codes_, commune_names_;
  api::Call communes_;
  api::Call save_;
  api::ApiError error_;
  bool saved_ = false;
  std::string loaded_commune_;
  std::string loaded_user_;  // whose data the fields hold (the user may arrive after the screen)
};

}  // namespace cdscb::app::screens
