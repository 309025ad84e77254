#pragma once
// One dossier to handle (#/dich-vu-cong/xu-ly/<code>): the dossier as its citizen reads it
// (ui::DossierView: facts, supplement request, result), the action panel
// (ServicesOfficeActions), then its values, papers and timeline. An officer of another agency
// reads the server's answer (not found) and nothing else.
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/screens/services_office_actions.h"
#include "app/ui/dossier_view.h"

namespace cdscb::app::screens {

class ServicesOfficeDossier {
 public:
  void enter(AppContext& ctx, const std::string& code);
  void draw(AppContext& ctx, float width);

 private:
  std::string code_;
  api::Call load_, procedure_;
  nlohmann::json dossier_;
  std::string error_;
  ServicesOfficeActions actions_;
  ui::DossierView view_;
};

}  // namespace cdscb::app::screens
