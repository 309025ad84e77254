#include "app/screens/public_services.h"

#include "app/ui/page.h"
#include "app/ui/widgets.h"

namespace cdscb::app::screens {
namespace {

using core::ServicesPage;

enum class Section { kMenu, kFiling, kFollow, kOffice };

Section section_of(ServicesPage page) {
  switch (page) {
    case ServicesPage::kCatalogue:
    case ServicesPage::kProcedure:
    case ServicesPage::kForm:
    case ServicesPage::kReceipt:
    case ServicesPage::kSupplement:
      return Section::kFiling;
    case ServicesPage::kMine:
    case ServicesPage::kDossier:
    case ServicesPage::kPapers:
    case ServicesPage::kLookup:
      return Section::kFollow;
    case ServicesPage::kQueue:
    case ServicesPage::kOfficerDossier:
    case ServicesPage::kStats:
    case ServicesPage::kAdminProcedures:
    case ServicesPage::kAdminProcedure:
      return Section::kOffice;
    case ServicesPage::kMenu:
      break;
  }
  return Section::kMenu;
}

void menu_button(AppContext& ctx, const char* key, ServicesPage page, ui::ButtonKind kind,
                 float width) {
  if (ui::button(ctx, key, ctx.t(key), kind, width)) ctx.nav.go(core::services_route(page));
}

}  // namespace

void PublicServices::on_enter(AppContext& ctx) {
  entered_param_ = "\x01";
  enter_page(ctx);
}

void PublicServices::enter_page(AppContext& ctx) {
  const std::string& param = ctx.nav.current().param;
  if (param == entered_param_) return;
  entered_param_ = param;
  view_ = core::services_view(param);
  switch (section_of(view_.page)) {
    case Section::kFiling:
      filing_.enter(ctx, view_);
      break;
    case Section::kFollow:
      follow_.enter(ctx, view_);
      break;
    case Section::kOffice:
      office_.enter(ctx, view_);
      break;
    case Section::kMenu:
      break;
  }
}

const char* PublicServices::title(AppContext& ctx) const {
  const char* title = nullptr;
  switch (section_of(view_.page)) {
    case Section::kFiling:
      title = filing_.title(ctx, view_);
      break;
    case Section::kFollow:
      title = follow_.title(ctx, view_);
      break;
    case Section::kOffice:
      title = office_.title(ctx, view_);
      break;
    case Section::kMenu:
      break;
  }
  return title ? title : ctx.t("tile.services");
}

void PublicServices::draw_menu(AppContext& ctx, float w) {
  ui::paragraph(ctx, "services.intro", ctx.t("services.intro"), ui::Theme::kMutedText);
  menu_button(ctx, "services.menu.file", ServicesPage::kCatalogue, ui::ButtonKind::kPrimary, w);
  menu_button(ctx, "services.menu.mine", ServicesPage::kMine, ui::ButtonKind::kPrimary, w);
  menu_button(ctx, "services.menu.lookup", ServicesPage::kLookup, ui::ButtonKind::kSecondary, w);
  menu_button(ctx, "services.menu.papers", ServicesPage::kPapers, ui::ButtonKind::kSecondary, w);
  const auto& user = ctx.session.user();
  if (user && user->official()) {
    menu_button(ctx, "services.menu.queue", ServicesPage::kQueue, ui::ButtonKind::kSecondary, w);
    menu_button(ctx, "services.menu.stats", ServicesPage::kStats, ui::ButtonKind::kSecondary, w);
  }
  if (user && user->admin())
    menu_button(ctx, "services.menu.procedures", ServicesPage::kAdminProcedures,
                ui::ButtonKind::kSecondary, w);
}

void PublicServices::draw(AppContext& ctx) {
  enter_page(ctx);  // the route's parameter changes without leaving the screen
  ui::Page page = ui::begin_page(ctx, title(ctx), /*is_home=*/false);
  const float w = page.column_width;
  switch (section_of(view_.page)) {
    case Section::kFiling:
      filing_.draw(ctx, view_, w);
      break;
    case Section::kFollow:
      follow_.draw(ctx, view_, w);
      break;
    case Section::kOffice:
      office_.draw(ctx, view_, w);
      break;
    case Section::kMenu:
      draw_menu(ctx, w);
      break;
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
