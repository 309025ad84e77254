#pragma once
// "Bổ sung hồ sơ" (#/dich-vu-cong/bo-sung/<dossier code>): what the official asked for (the items,
// the reason, the deadline and the papers, from the dossier's supplement request), the asked
// papers with the same attach widgets as filing, and "Gửi bổ sung" (POST
// /api/v1/dossiers/<code>/supplement; online only, a clear message offline).
#include <nlohmann/json.hpp>
#include <string>

#include "app/app_context.h"
#include "app/screens/payments_ui.h"
#include "app/screens/services_filing_papers.h"
#include "app/screens/services_filing_procedure.h"

namespace cdscb::app::screens {

class FilingSupplement {
 public:
  void enter(AppContext& ctx, const std::string& code);
  void draw(AppContext& ctx, float width);

 private:
  void send(AppContext& ctx);

  std::string code_, owner_, error_, banner_;
  payments_ui::TimedCall load_, send_;
  nlohmann::json dossier_;
  bool loaded_ = false, sent_ = false;
  ProcedureLoader procedure_;
  PaperAttachments papers_;
};

}  // namespace cdscb::app::screens
