// SCAFFOLD: replaced by the section's real pages (see services_office.h).
#include "app/screens/services_office.h"

#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void ServicesOffice::enter(AppContext&, const core::ServicesView&) {}

const char* ServicesOffice::title(AppContext&, const core::ServicesView&) const { return nullptr; }

void ServicesOffice::draw(AppContext& ctx, const core::ServicesView&, float) {
  ui::paragraph(ctx, "services.office.coming", ctx.t("placeholder.coming"), ui::Theme::kMutedText);
}

}  // namespace cdscb::app::screens
