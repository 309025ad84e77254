#include "modules/payments/routes.h"

#include "modules/payments/delivery.h"

namespace cdscb::server {

void register_payments_routes(http::Router& router, const PaymentsDeps& deps) {
  payments::register_citizen_routes(router, deps);
  payments::register_vnpay_routes(router, deps);
  payments::register_vietqr_routes(router, deps);
  payments::register_contact_routes(router, deps);
  payments::register_admin_routes(router, deps);
  payments::register_delivery(deps);
}

}  // namespace cdscb::server
