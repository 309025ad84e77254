#pragma once
// One dossier to handle (#/dich-vu-cong/xu-ly/<code>): a compact header (code, procedure,
// status, due date, applicant), then the action panel (ServicesOfficeActions). An officer of
// another agency reads the server's refusal (403) and nothing else.
#include <nlohmann/json.hpp>
#include <string>

#include "app/api/client.h"
#include "app/app_context.h"
#include "app/screens/services_office_actions.h"

namespace cdscb::app::screens {

// The dossier's code, procedure, status label, due date (in red with the days late when
// overdue), applicant, agency and, when asked or returned, the supplement request or the result.
void draw_officer_dossier_header(AppContext& ctx, const nlohmann::json& dossier);

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
};

}  // namespace cdscb::app::screens
