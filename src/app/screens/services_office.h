#pragma once
// Officials: the queue (kQueue), one dossier and its actions (kOfficerDossier), the statistics
// (kStats); admins: "Quản lý thủ tục" (kAdminProcedures, kAdminProcedure).
#include "app/app_context.h"
#include "app/screens/services_office_dossier.h"
#include "app/screens/services_office_procedure.h"
#include "app/screens/services_office_procedures.h"
#include "app/screens/services_office_queue.h"
#include "app/screens/services_office_stats.h"
#include "core/routes.h"

namespace cdscb::app::screens {

class ServicesOffice {
 public:
  // The route entered one of this section's pages (or changed its id).
  void enter(AppContext& ctx, const core::ServicesView& view);
  // The page's title, or nullptr for the section's default ("Dịch vụ công").
  const char* title(AppContext& ctx, const core::ServicesView& view) const;
  void draw(AppContext& ctx, const core::ServicesView& view, float width);

 private:
  ServicesOfficeQueue queue_;
  ServicesOfficeDossier dossier_;
  ServicesOfficeStats stats_;
  ServicesOfficeProcedures procedures_;
  ServicesOfficeProcedure procedure_;
};

}  // namespace cdscb::app::screens
