#pragma once
// "Thống kê hồ sơ": an agency's dossiers over a period (this month, last month, this year):
// filed, received, returned, on time, late, overdue still open, the average processing time and
// the citizens' satisfaction. An officer sees their own agency; an admin picks one (or all).
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/state/agency_list.h"

namespace cdscb::app::screens {

class ServicesOfficeStats {
 public:
  void enter(AppContext& ctx);
  void draw(AppContext& ctx, float width);

 private:
  void load(AppContext& ctx);

  int period_ = 0;   // 0 this month, 1 last month, 2 this year
  int agency_ = -1;  // admins: in agencies_.names(); -1 every agency
  state::AgencyList agencies_;
  api::Call call_;
  nlohmann::json stats_;
  std::string error_;
};

}  // namespace cdscb::app::screens
