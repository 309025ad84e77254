#include "app/screens/feedback.h"

#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace screens {

void Feedback::draw(AppContext& ctx) {
  ui::begin_page(ctx, ctx.t("tile.feedback"), /*is_home=*/false);
  ui::paragraph(ctx, "feedback.coming", ctx.t("placeholder.coming"), ui::Theme::kMutedText);
  ui::text_field(ctx, "feedback.title", ctx.t("feedback.field_title"), title_,
                 {.placeholder = ctx.t("feedback.field_title_hint")});
  ui::heading(ctx, "feedback.location", ctx.t("feedback.location"), 2);
  ctx.overlays.map("feedback.map", 280.0f, platform::map::View{});
  ui::paragraph(ctx, "feedback.location_hint", ctx.t("feedback.location_hint"),
                ui::Theme::kMutedText);
  ui::end_page(ctx);
}

}  // namespace screens
