#include "app/screens/services_follow.h"

namespace cdscb::app::screens {

using core::ServicesPage;

void ServicesFollow::enter(AppContext& ctx, const core::ServicesView& view) {
  switch (view.page) {
    case ServicesPage::kMine:
      mine_.enter(ctx);
      break;
    case ServicesPage::kDossier:
      dossier_.enter(ctx, view.id);
      break;
    case ServicesPage::kPapers:
      papers_.enter(ctx);
      break;
    case ServicesPage::kLookup:
      lookup_.enter(ctx, view.id);
      break;
    default:
      break;
  }
}

const char* ServicesFollow::title(AppContext& ctx, const core::ServicesView& view) const {
  switch (view.page) {
    case ServicesPage::kMine:
      return ctx.t("services.menu.mine");
    case ServicesPage::kDossier:
      return ctx.t("services.follow.dossier_title");
    case ServicesPage::kPapers:
      return ctx.t("services.menu.papers");
    case ServicesPage::kLookup:
      return ctx.t("services.menu.lookup");
    default:
      return nullptr;
  }
}

void ServicesFollow::draw(AppContext& ctx, const core::ServicesView& view, float width) {
  switch (view.page) {
    case ServicesPage::kMine:
      mine_.draw(ctx, width);
      break;
    case ServicesPage::kDossier:
      dossier_.draw(ctx, width);
      break;
    case ServicesPage::kPapers:
      papers_.draw(ctx, width);
      break;
    case ServicesPage::kLookup:
      lookup_.draw(ctx, width);
      break;
    default:
      break;
  }
}

}  // namespace cdscb::app::screens
