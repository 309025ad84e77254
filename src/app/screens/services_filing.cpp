// SCAFFOLD: replaced by the section's real pages (see services_filing.h).
#include "app/screens/services_filing.h"

#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void ServicesFiling::enter(AppContext&, const core::ServicesView&) {}

const char* ServicesFiling::title(AppContext&, const core::ServicesView&) const { return nullptr; }

void ServicesFiling::draw(AppContext& ctx, const core::ServicesView&, float) {
  ui::paragraph(ctx, "services.filing.coming", ctx.t("placeholder.coming"), ui::Theme::kMutedText);
}

}  // namespace cdscb::app::screens
