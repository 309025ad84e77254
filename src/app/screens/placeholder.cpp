#include "app/screens/placeholder.h"

#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void Placeholder::draw(AppContext& ctx) {
  ui::begin_page(ctx, ctx.t(title_key_), /*is_home=*/false);
  ui::paragraph(ctx, (id_ + ".coming").c_str(), ctx.t("placeholder.coming"), ui::Theme::kMutedText);
  ImGui::Dummy(ImVec2(0, 8));
  if (ui::button(ctx, (id_ + ".home").c_str(), ctx.t("common.home"), ui::ButtonKind::kSecondary))
    ctx.nav.go({core::Screen::kHome, ""});
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
