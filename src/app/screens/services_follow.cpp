// SCAFFOLD: replaced by the section's real pages (see services_follow.h).
#include "app/screens/services_follow.h"

#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void ServicesFollow::enter(AppContext&, const core::ServicesView&) {}

const char* ServicesFollow::title(AppContext&, const core::ServicesView&) const { return nullptr; }

void ServicesFollow::draw(AppContext& ctx, const core::ServicesView&, float) {
  ui::paragraph(ctx, "services.follow.coming", ctx.t("placeholder.coming"), ui::Theme::kMutedText);
}

}  // namespace cdscb::app::screens
