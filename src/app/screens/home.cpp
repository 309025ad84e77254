#include "app/screens/home.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace screens {
namespace {

struct TileSpec {
  const char* id;
  const char* label_key;
  ui::Icon icon;
  core::Screen screen;
};

constexpr std::array<TileSpec, 6> kTiles{{
    {"home.tile.news", "tile.news", ui::Icon::kNews, core::Screen::kNews},
    {"home.tile.directory", "tile.directory", ui::Icon::kGovernment, core::Screen::kDirectory},
    {"home.tile.feedback", "tile.feedback", ui::Icon::kFeedback, core::Screen::kFeedback},
    {"home.tile.services", "tile.services", ui::Icon::kServices, core::Screen::kPublicServices},
    {"home.tile.payments", "tile.payments", ui::Icon::kPayments, core::Screen::kPayments},
    {"home.tile.cameras", "tile.cameras", ui::Icon::kCamera, core::Screen::kCameras},
}};

}  // namespace

void Home::draw(AppContext& ctx) {
  ui::Page page = ui::begin_page(ctx, ctx.t("app.title"), /*is_home=*/true);
  ui::paragraph(ctx, "home.welcome", ctx.t("home.welcome"), ui::Theme::kMutedText);

  const int columns = page.column_width < 300 ? 2 : 3;
  const float gap = 12;
  const float w = std::floor((page.column_width - gap * (columns - 1)) / columns);
  float h = 0;
  for (const TileSpec& spec : kTiles)
    h = std::max(h, ui::tile_height(ctx, w, ctx.t(spec.label_key)));
  for (size_t i = 0; i < kTiles.size(); ++i) {
    const TileSpec& spec = kTiles[i];
    if (i % columns) ImGui::SameLine(0, gap);
    if (ui::tile(ctx, spec.id, ctx.t(spec.label_key), spec.icon, ImVec2(w, h)))
      ctx.nav.go({spec.screen, ""});
  }

  ImGui::Dummy(ImVec2(0, 8));
  if (ui::button(ctx, "home.settings", ctx.t("settings.title"), ui::ButtonKind::kSecondary))
    ctx.nav.go({core::Screen::kSettings, ""});
  ui::end_page(ctx);
}

}  // namespace screens
