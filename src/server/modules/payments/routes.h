// "Thanh toán không tiền mặt": electricity, water and telecom bills paid from the phone.
// Citizens (signed in):
//   GET  /api/v1/payments/providers          → {"items":[{"id","service","name"}],
//                                               "methods":{"vnpay","vietqr"}} (anyone)
//   POST /api/v1/payments/lookup {"provider","customer_code"}
//        → {"provider","customer_code","customer":{"name","address"} (masked),
//           "bills":[{"bill_id","period","amount","due_date"}],"total"}
//        | 422 (code) | 404 customer_not_found | 503 provider_unavailable | 429
//   POST /api/v1/payments/orders {"provider","customer_code","bill_ids":[…]}
//        → 201 {"order"} | 200 {"order"} (the caller's live order of these bills)
//        | 409 bill_in_payment / bill_already_paid | 422 | 503
//   GET  /api/v1/payments/orders?cursor=&limit=   → {"items":[order],"next_cursor"} ("Lịch sử")
//   GET  /api/v1/payments/orders/{code}           → {"order"} | 404 (not the caller's)
//   POST /api/v1/payments/orders/{code}/vnpay     → {"pay_url"} | 409 not_payable | 503
//   GET/POST /api/v1/payments/contacts, DELETE …/contacts/{id}: "Danh bạ thanh toán"
//        (contact_routes.cpp)
//   POST /api/v1/payments/orders/{code}/vietqr    → {"payload","amount","bank_bin","account",
//        "expires_at"}: the NAPAS QR of the order | 409 not_payable | 503
// The gateway:
//   GET  /api/v1/payments/vnpay/return?vnp_…  the browser back from VNPay: verifies, keeps the
//        message, books nothing, and sends the browser to the order's screen in the app.
//   GET  /api/v1/payments/vnpay/ipn?vnp_…     VNPay's server: the authoritative notification,
//        answered {"RspCode","Message"} as VNPay 2.1.0 documents.
// The collecting bank (VietQR):
//   POST /api/v1/payments/vietqr/notify  a transfer to the collection account, signed; books the
//        order of its purpose when the amount is exact → 200 {"result"} | 401
// Admins: the orders, an order's history, refunds, reconciliation (admin_routes.cpp).
// Amounts are integer VND and always the provider's, never the app's.
// Dossier fees ("Dịch vụ công") are orders too, made by POST /api/v1/dossiers/{code}/fee with
// purpose "dossier_fee" (orders.h): shown, paid (VNPay, VietQR) and booked by the same routes;
// booking one is the dossier's fee-paid action and makes the order "delivered" at once. An admin
// refunds such an order only while the dossier has not taken it (409 fee_taken otherwise).
#pragma once

#include <functional>
#include <memory>

#include "config.h"
#include "db/database.h"
#include "http/router.h"
#include "integrations/http_client.h"
#include "jobs/jobs.h"
#include "modules/accounts/sessions.h"
#include "modules/payments/providers.h"

namespace cdscb::server {

namespace payments {
struct Order;
}  // namespace payments

// What a paid dossier fee does to its dossier (the dossiers module gives it), inside the
// booking's transaction: "" when the dossier took its fee-paid action, otherwise why not (the
// order then stays "paid" with that problem, for an admin to refund).
using DossierFeePaid =
    std::function<std::string(soci::session& sql, const payments::Order& order, long long now)>;

struct PaymentsDeps {
  db::Database& database;
  accounts::Sessions sessions;  // its clock is the module's clock
  const Config& config;
  jobs::Jobs& jobs;
  std::shared_ptr<const payments::Providers> providers;
  // Outbound HTTP as the operator allows it (address policy, CA file), for VNPay's webapi.
  integrations::HttpCall outbound;
  DossierFeePaid dossier_fee_paid;  // empty: dossier fees are booked but not delivered
};

void register_payments_routes(http::Router& router, const PaymentsDeps& deps);

namespace payments {
void register_citizen_routes(http::Router& router, const PaymentsDeps& deps);
void register_vnpay_routes(http::Router& router, const PaymentsDeps& deps);
void register_vietqr_routes(http::Router& router, const PaymentsDeps& deps);
void register_contact_routes(http::Router& router, const PaymentsDeps& deps);
void register_admin_routes(http::Router& router, const PaymentsDeps& deps);
long long now_seconds(const PaymentsDeps& deps);
}  // namespace payments

}  // namespace cdscb::server
