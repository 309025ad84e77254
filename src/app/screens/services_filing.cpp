#include "app/screens/services_filing.h"

namespace cdscb::app::screens {

using core::ServicesPage;

void ServicesFiling::enter(AppContext& ctx, const core::ServicesView& view) {
  switch (view.page) {
    case ServicesPage::kCatalogue:
      catalogue_.enter(ctx);
      break;
    case ServicesPage::kProcedure:
      procedure_.enter(ctx, view.id);
      break;
    case ServicesPage::kForm:
      form_.enter(ctx, view.id);
      break;
    case ServicesPage::kReceipt:
      receipt_.enter(ctx, view.id);
      break;
    case ServicesPage::kSupplement:
      supplement_.enter(ctx, view.id);
      break;
    default:
      break;
  }
}

const char* ServicesFiling::title(AppContext& ctx, const core::ServicesView& view) const {
  switch (view.page) {
    case ServicesPage::kCatalogue:
      return ctx.t("services.menu.file");
    case ServicesPage::kProcedure:
      return ctx.t("services.filing.procedure");
    case ServicesPage::kForm:
      return ctx.t("services.filing.file_online");
    case ServicesPage::kReceipt:
      return ctx.t("services.filing.code");
    case ServicesPage::kSupplement:
      return ctx.t("services.action.supplement");
    default:
      return nullptr;
  }
}

void ServicesFiling::draw(AppContext& ctx, const core::ServicesView& view, float width) {
  switch (view.page) {
    case ServicesPage::kCatalogue:
      catalogue_.draw(ctx, width);
      break;
    case ServicesPage::kProcedure:
      procedure_.draw(ctx, width);
      break;
    case ServicesPage::kForm:
      form_.draw(ctx, width);
      break;
    case ServicesPage::kReceipt:
      receipt_.draw(ctx, width);
      break;
    case ServicesPage::kSupplement:
      supplement_.draw(ctx, width);
      break;
    default:
      break;
  }
}

}  // namespace cdscb::app::screens
