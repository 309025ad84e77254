// A dossier's fee paid online through the payments module: an order whose amount is the
// dossier's, shown and paid by the payments routes, booked only by VNPay's signed IPN, once, and
// then the dossier's fee-paid action with the order in its timeline and its receipt.
#include <doctest/doctest.h>

#include "modules/dossiers/dossiers_harness.h"
#include "modules/dossiers/fees.h"
#include "modules/payments/payments_harness.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;

namespace {

constexpr long long kLltpFee = 200000;

// The dossiers harness with the payments routes on the same router, database and clock, wired
// to the dossiers module as the server wires them (modules.cpp).
struct World {
  DossiersHarness h;
  Config config;
  std::unique_ptr<PaymentsDeps> payments;
  std::string citizen = h.citizen("0913000201", "Nông Văn Dũng");
  std::string stranger = h.citizen("0913000202", "Lê Văn Tám");
  std::string officer = h.official("0913000203", core::Role::kOfficer, kLltpAgency);
  std::string admin = h.official("0913000205", core::Role::kAdmin, "");

  World() {
    config.payments.vnpay_url = "http://127.0.0.1:9";  // no test follows the browser there
    config.payments.vnpay_tmn_code = kTmnCode;
    config.payments.vnpay_hash_secret = kVnpaySecret;
    config.outbound = loopback_allowed();
    payments = std::make_unique<PaymentsDeps>(PaymentsDeps{
        .database = h.accounts.database(),
        .sessions = accounts::Sessions(h.accounts.database(), {.now = h.accounts.clock.function()}),
        .config = config,
        .jobs = h.accounts.jobs(),
        .providers = std::make_shared<const payments::Providers>(config.payments, loopback_call()),
        .outbound = loopback_call(),
        .dossier_fee_paid = [this](soci::session& sql, const payments::Order& order,
                                   long long now) {
          return dossiers::take_fee_payment(sql, h.accounts.database().backend(), order, now);
        }});
    register_payments_routes(h.accounts.router(), *payments);
  }

  http::Response ipn(const std::string& order, long long amount) {
    return h.get("/api/v1/payments/vnpay/ipn?" +
                 PaymentsHarness::result_query(order, amount, "00", "00", kVnpaySecret));
  }
  nlohmann::json order(const std::string& code, const std::string& cookie) {
    const auto r = h.get("/api/v1/payments/orders/" + code, cookie);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return body_of(r)["order"];
  }
  long long count(const std::string& table, const std::string& where) {
    return h.accounts.count_rows(table, where);
  }
};

}  // namespace

TEST_CASE("dossiers: a fee paid online is booked by the IPN once, and the dossier says paid") {
  World w;
  auto& h = w.h;
  const std::string code = h.file_lltp(w.citizen);
  REQUIRE(h.status_of(code, w.citizen) == "awaiting_fee");
  const std::string fee_url = "/api/v1/dossiers/" + code + "/fee";

  // Only the owner asks; the amount comes from the dossier, whatever the body says.
  CHECK(h.post(fee_url, {{"amount", 1}}, w.stranger).status == 404);
  CHECK(h.post(fee_url, {}, w.officer).status == 404);
  CHECK(h.post(fee_url, {}, "").status == 401);
  const auto made = h.post(fee_url, {{"amount", 1}}, w.citizen);
  REQUIRE_MESSAGE(made.status == 201, made.body);
  const auto order = body_of(made)["order"];
  const std::string order_code = order["code"];
  CHECK(order["amount"] == kLltpFee);
  CHECK(order["status"] == "created");
  CHECK(order["purpose"] == "dossier_fee");
  CHECK(order["dossier"]["code"] == code);
  CHECK(order["customer_code"] == code);
  CHECK(order["provider_name"] == "Sở Tư pháp");
  CHECK(order["bills"].size() == 1);
  CHECK(order["bills"][0]["amount"] == kLltpFee);
  // A second tap: the same order, not a second one.
  const auto again = h.post(fee_url, {}, w.citizen);
  CHECK(again.status == 200);
  CHECK(body_of(again)["order"]["code"] == order_code);
  CHECK(w.count("payment_orders", "purpose = 'dossier_fee'") == 1);

  // The payments order screen's calls: show it, pay it with VNPay.
  CHECK(w.order(order_code, w.citizen)["amount"] == kLltpFee);
  CHECK(h.get("/api/v1/payments/orders/" + order_code, w.stranger).status == 404);
  const auto start = h.post("/api/v1/payments/orders/" + order_code + "/vnpay", {}, w.citizen);
  REQUIRE_MESSAGE(start.status == 200, start.body);
  const std::string pay_url = body_of(start)["pay_url"];
  CHECK(pay_url.find("vnp_Amount=" + std::to_string(kLltpFee * 100) + "&") != std::string::npos);
  CHECK(pay_url.find("vnp_TxnRef=" + order_code + "&") != std::string::npos);

  // The browser back from the gateway books nothing; a wrong amount books nothing.
  const auto back =
      h.get("/api/v1/payments/vnpay/return?" +
            PaymentsHarness::result_query(order_code, kLltpFee, "00", "00", kVnpaySecret));
  CHECK(back.status == 303);
  CHECK(back.headers.get("Location").value_or("") == "/#/thanh-toan/don/" + order_code);
  CHECK(body_of(w.ipn(order_code, 1000))["RspCode"] == "04");
  CHECK(h.status_of(code, w.citizen) == "awaiting_fee");
  CHECK(w.order(order_code, w.citizen)["status"] == "pending");

  // The IPN: paid, and at once taken by the dossier.
  CHECK(body_of(w.ipn(order_code, kLltpFee))["RspCode"] == "00");
  CHECK(w.order(order_code, w.citizen)["status"] == "delivered");
  const auto dossier = body_of(h.get("/api/v1/dossiers/" + code, w.citizen))["dossier"];
  CHECK(dossier["status"] == "registered");
  const auto& last = dossier["timeline"].back();
  CHECK(last["action"] == "fee_paid");
  CHECK(last["who"]["role"] == "system");
  CHECK(last["note"] == "Đã nộp phí trực tuyến");
  CHECK(last["details"]["order"] == order_code);
  CHECK(last["details"]["gateway"] == "vnpay");
  CHECK(last["details"]["transaction"] == "14012345");
  const auto receipt = body_of(h.get("/api/v1/dossiers/" + code + "/receipt", w.citizen));
  CHECK(receipt["receipt"]["fee"]["status"] == "paid");
  CHECK(receipt["receipt"]["fee"]["paid_by"] ==
        "Thanh toán trực tuyến qua VNPay, mã giao dịch 14012345 (đơn " + order_code + ")");
  CHECK(h.get("/api/v1/dossiers/" + code + "/receipt.pdf", w.citizen).status == 200);

  // A double IPN books once; the fee is no longer due; the officer receives the dossier.
  CHECK(body_of(w.ipn(order_code, kLltpFee))["RspCode"] == "02");
  CHECK(w.count("dossier_events", "action = 'fee_paid'") == 1);
  CHECK(w.count("payment_events", "outcome = 'booked'") == 1);
  const auto late = h.post(fee_url, {}, w.citizen);
  CHECK(late.status == 409);
  CHECK(body_of(late)["error"]["code"] == "fee_not_due");
  CHECK(h.act(code, "receive", {}, w.officer).status == 200);
  // The fee the dossier took is not refunded as a payments correction.
  const auto refund = h.post("/api/v1/admin/payments/orders/" + order_code + "/refund",
                             {{"reason", "Thử"}}, w.admin);
  CHECK(refund.status == 409);
  CHECK(body_of(refund)["error"]["code"] == "fee_taken");
  CHECK(w.order(order_code, w.citizen)["status"] == "delivered");
}

TEST_CASE(
    "dossiers: a fee paid after the dossier was withdrawn leaves it withdrawn, the order "
    "paid for a refund") {
  World w;
  auto& h = w.h;
  const std::string code = h.file_lltp(w.citizen);
  const auto made = h.post("/api/v1/dossiers/" + code + "/fee", {}, w.citizen);
  REQUIRE(made.status == 201);
  const std::string order_code = body_of(made)["order"]["code"];
  REQUIRE(h.post("/api/v1/payments/orders/" + order_code + "/vnpay", {}, w.citizen).status == 200);
  REQUIRE(h.post("/api/v1/dossiers/" + code + "/withdraw", {{"reason", "Nộp nhầm"}}, w.citizen)
              .status == 200);
  CHECK(body_of(w.ipn(order_code, kLltpFee))["RspCode"] == "00");
  CHECK(h.status_of(code, w.citizen) == "withdrawn");
  CHECK(w.order(order_code, w.citizen)["status"] == "paid");
  CHECK(w.count("dossier_events", "action = 'fee_paid'") == 0);
  CHECK(w.count("payment_events", "source = 'dossier' AND outcome = 'refused'") == 1);
  const auto receipt = body_of(h.get("/api/v1/dossiers/" + code + "/receipt", w.citizen));
  CHECK(receipt["receipt"]["fee"]["status"] == "due");
}

TEST_CASE("dossiers: a fee paid at the desk needs no order, and the receipt says so") {
  World w;
  auto& h = w.h;
  const std::string code = h.file_lltp(w.citizen);
  REQUIRE(h.act(code, "fee-paid", {}, w.officer).status == 200);
  CHECK(h.post("/api/v1/dossiers/" + code + "/fee", {}, w.citizen).status == 409);
  CHECK(w.count("payment_orders", "1 = 1") == 0);
  const auto receipt = body_of(h.get("/api/v1/dossiers/" + code + "/receipt", w.citizen));
  CHECK(receipt["receipt"]["fee"]["status"] == "paid");
  CHECK(receipt["receipt"]["fee"]["paid_by"] == "Nộp tại Bộ phận Một cửa");
}
