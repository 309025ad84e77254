#include "app/screens/services_office.h"

#include "app/screens/services_office_ui.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

using core::ServicesPage;

void ServicesOffice::enter(AppContext& ctx, const core::ServicesView& view) {
  switch (view.page) {
    case ServicesPage::kQueue:
      queue_.enter(ctx);
      break;
    case ServicesPage::kOfficerDossier:
      dossier_.enter(ctx, view.id);
      break;
    case ServicesPage::kStats:
      stats_.enter(ctx);
      break;
    case ServicesPage::kAdminProcedures:
      procedures_.enter(ctx);
      break;
    case ServicesPage::kAdminProcedure:
      procedure_.enter(ctx, view.id);
      break;
    default:
      break;
  }
}

const char* ServicesOffice::title(AppContext& ctx, const core::ServicesView& view) const {
  switch (view.page) {
    case ServicesPage::kQueue:
      return ctx.t("services.menu.queue");
    case ServicesPage::kOfficerDossier:
      return ctx.t("services.office.dossier_title");
    case ServicesPage::kStats:
      return ctx.t("services.menu.stats");
    case ServicesPage::kAdminProcedures:
      return ctx.t("services.menu.procedures");
    case ServicesPage::kAdminProcedure:
      return ctx.t(view.id == "moi" ? "services.office.procedure_new"
                                    : "services.office.procedure_title");
    default:
      return nullptr;
  }
}

void ServicesOffice::draw(AppContext& ctx, const core::ServicesView& view, float width) {
  // Officials' pages only: a citizen (or a visitor) who opens the link is told, nothing loads.
  const bool admin_page =
      view.page == ServicesPage::kAdminProcedures || view.page == ServicesPage::kAdminProcedure;
  if (!office_ui::require_role(ctx, admin_page)) return;
  switch (view.page) {
    case ServicesPage::kQueue:
      queue_.draw(ctx, width);
      break;
    case ServicesPage::kOfficerDossier:
      dossier_.draw(ctx, width);
      break;
    case ServicesPage::kStats:
      stats_.draw(ctx, width);
      break;
    case ServicesPage::kAdminProcedures:
      procedures_.draw(ctx, width);
      break;
    case ServicesPage::kAdminProcedure:
      procedure_.draw(ctx, width);
      break;
    default:
      break;
  }
}

}  // namespace cdscb::app::screens
