#include "app/screens/payments.h"

#include "app/screens/payments_menu.h"
#include "app/ui/page.h"

namespace cdscb::app::screens {

using core::PaymentsPage;

void Payments::on_enter(AppContext& ctx) {
  entered_param_ = "\x01";
  enter_page(ctx);
}

void Payments::enter_page(AppContext& ctx) {
  const std::string& param = ctx.nav.current().param;
  if (param == entered_param_) return;
  entered_param_ = param;
  view_ = core::payments_view(param);
  providers_.load(ctx);
  switch (view_.page) {
    case PaymentsPage::kLookup:
      lookup_.enter(ctx, view_.id);
      break;
    case PaymentsPage::kOrder:
      order_.enter(ctx, view_.id);
      break;
    case PaymentsPage::kHistory:
      history_.enter(ctx);
      break;
    case PaymentsPage::kContacts:
      contacts_.enter(ctx);
      break;
    case PaymentsPage::kMenu:
    case PaymentsPage::kTelecom:
      break;
  }
}

const char* Payments::title(AppContext& ctx) const {
  switch (view_.page) {
    case PaymentsPage::kTelecom:
      return payments_ui::service_label(ctx, "telecom");
    case PaymentsPage::kLookup:
      if (const auto* provider = providers_.find(view_.id))
        return payments_ui::service_label(ctx, provider->service);
      break;
    case PaymentsPage::kOrder:
      return ctx.t("payments.order_title");
    case PaymentsPage::kHistory:
      return ctx.t("payments.history");
    case PaymentsPage::kContacts:
      return ctx.t("payments.contacts");
    case PaymentsPage::kMenu:
      break;
  }
  return ctx.t("tile.payments");
}

void Payments::draw(AppContext& ctx) {
  enter_page(ctx);  // the route's parameter changes without leaving the screen
  ui::Page page = ui::begin_page(ctx, title(ctx), /*is_home=*/false);
  const float w = page.column_width;
  switch (view_.page) {
    case PaymentsPage::kMenu:
      draw_payments_menu(ctx, providers_, w);
      break;
    case PaymentsPage::kTelecom:
      draw_telecom_providers(ctx, providers_, w);
      break;
    case PaymentsPage::kLookup:
      // The providers tell the lookup its service and the ways to pay.
      if (providers_.draw_state(ctx, w)) lookup_.draw(ctx, providers_, w);
      break;
    case PaymentsPage::kOrder:
      order_.draw(ctx, w);
      break;
    case PaymentsPage::kHistory:
      history_.draw(ctx, w);
      break;
    case PaymentsPage::kContacts:
      if (auto contact = contacts_.draw(ctx, w)) {
        lookup_.open_code(ctx, contact->first, contact->second);
        ctx.nav.go(core::payments_route(PaymentsPage::kLookup, contact->first));
      }
      break;
  }
  ui::end_page(ctx);
}

}  // namespace cdscb::app::screens
