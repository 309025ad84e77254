#include "app/screens/payments_menu.h"

#include "app/ui/widgets.h"
#include "core/routes.h"

namespace cdscb::app::screens {
namespace {

using core::PaymentsPage;

void go_lookup(AppContext& ctx, const payments_ui::Provider& provider) {
  ctx.nav.go(core::payments_route(PaymentsPage::kLookup, provider.id));
}

}  // namespace

void draw_payments_menu(AppContext& ctx, payments_ui::Providers& providers, float width) {
  ui::paragraph(ctx, "payments.intro", ctx.t("payments.intro"), ui::Theme::kMutedText);
  if (providers.draw_state(ctx, width)) {
    // A service shows when the server has a provider for it.
    for (const char* service : {"electricity", "water"}) {
      const auto* provider = providers.of_service(service);
      if (!provider) continue;
      const std::string id = std::string("payments.menu.") + service;
      if (ui::button(ctx, id.c_str(), payments_ui::service_label(ctx, service),
                     ui::ButtonKind::kPrimary, width))
        go_lookup(ctx, *provider);
    }
    if (providers.of_service("telecom") &&
        ui::button(ctx, "payments.menu.telecom", payments_ui::service_label(ctx, "telecom"),
                   ui::ButtonKind::kPrimary, width))
      ctx.nav.go(core::payments_route(PaymentsPage::kTelecom));
  }
  if (ui::button(ctx, "payments.menu.history", ctx.t("payments.history"),
                 ui::ButtonKind::kSecondary, width))
    ctx.nav.go(core::payments_route(PaymentsPage::kHistory));
  if (ui::button(ctx, "payments.menu.contacts", ctx.t("payments.contacts"),
                 ui::ButtonKind::kSecondary, width))
    ctx.nav.go(core::payments_route(PaymentsPage::kContacts));
}

void draw_telecom_providers(AppContext& ctx, payments_ui::Providers& providers, float width) {
  if (!providers.draw_state(ctx, width)) return;
  ui::paragraph(ctx, "payments.telecom_choose", ctx.t("payments.telecom_choose"),
                ui::Theme::kMutedText);
  for (const auto& provider : providers.items()) {
    if (provider.service != "telecom") continue;
    const std::string id = "payments.telecom." + provider.id;
    if (ui::button(ctx, id.c_str(), provider.name.c_str(), ui::ButtonKind::kPrimary, width))
      go_lookup(ctx, provider);
  }
}

}  // namespace cdscb::app::screens
