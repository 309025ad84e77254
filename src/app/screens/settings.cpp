#include "app/screens/settings.h"

#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {

void Settings::draw(AppContext& ctx) {
  ui::Page page = ui::begin_page(ctx, ctx.t("settings.title"), /*is_home=*/false);
  ui::heading(ctx, "settings.language", ctx.t("settings.language"), 2);
  const float half = (page.column_width - 12) / 2;
  const bool vi = ctx.settings.language == "vi";
  if (ui::button(ctx, "settings.lang.vi", "Tiếng Việt", ui::ButtonKind::kSecondary, half, vi) &&
      !vi) {
    ctx.settings.language = "vi";
    ctx.settings_changed();
  }
  ImGui::SameLine(0, 12);
  if (ui::button(ctx, "settings.lang.en", "English", ui::ButtonKind::kSecondary, half, !vi) && vi) {
    ctx.settings.language = "en";
    ctx.settings_changed();
  }
  ImGui::Dummy(ImVec2(0, 8));
  ui::heading(ctx, "settings.display", ctx.t("settings.display"), 2);
  if (ui::checkbox(ctx, "settings.large_text", ctx.t("settings.large_text"),
                   ctx.settings.large_text))
    ctx.settings_changed();
  ui::paragraph(ctx, "settings.sample", ctx.t("settings.sample"), ui::Theme::kMutedText);
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
