#pragma once
// "Thanh toán không tiền mặt" (#/thanh-toan): the menu and the pages under it, chosen by the
// route's parameter (core::payments_view).
#include <string>

#include "app/screens/payments_contacts.h"
#include "app/screens/payments_history.h"
#include "app/screens/payments_lookup.h"
#include "app/screens/payments_order.h"
#include "app/screens/payments_ui.h"
#include "app/screens/screen.h"
#include "core/routes.h"

namespace cdscb::app::screens {

class Payments : public Screen {
 public:
  void draw(AppContext& ctx) override;
  void on_enter(AppContext& ctx) override;

 private:
  void enter_page(AppContext& ctx);
  const char* title(AppContext& ctx) const;

  core::PaymentsView view_;
  std::string entered_param_ = "\x01";  // the route parameter the shown page was entered with
  payments_ui::Providers providers_;
  PaymentsLookup lookup_;
  PaymentsOrder order_;
  PaymentsHistory history_;
  PaymentsContacts contacts_;
};

}  // namespace cdscb::app::screens
