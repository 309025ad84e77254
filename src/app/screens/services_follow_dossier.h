#pragma once
// One of my dossiers (#/dich-vu-cong/ho-so/<code>): ui::DossierView, then what the citizen may do
// where the status table (core/dossier.h) allows it: "Bổ sung hồ sơ" (dvc-filing's page), "Tải kết
// quả", "Rút hồ sơ" (a reason, then a confirmation), "Xem biên nhận", and after the result the
// survey. Another citizen's dossier is "not found", as the server answers (404).
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/screens/services_follow_survey.h"
#include "app/ui/dossier_view.h"

namespace cdscb::app::screens {

class ServicesFollowDossier {
 public:
  void enter(AppContext& ctx, const std::string& code);
  void draw(AppContext& ctx, float width);

 private:
  bool allowed(std::string_view action) const;
  void draw_actions(AppContext& ctx, float width);
  void draw_withdraw(AppContext& ctx, float width);

  std::string code_, owner_;
  api::Call load_, withdraw_;
  ui::DossierView view_;
  ServicesFollowSurvey survey_;
  std::string error_;
  bool not_found_ = false;
  bool withdrawing_ = false;  // the reason field is open
  bool confirming_ = false;   // "Xác nhận rút hồ sơ" asked
  std::string reason_, reason_error_;
};

}  // namespace cdscb::app::screens
