// "Thanh toán không tiền mặt" through the router, against the real bill providers' sandbox:
// lookups, orders from the provider's amounts, and VNPay notifications, honest and forged.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <set>
#include <string>

#include "core/time_text.h"
#include "core/vietqr.h"
#include "modules/concurrency_support.h"
#include "modules/payments/limits.h"
#include "modules/payments/payments_harness.h"
#include "modules/payments/settlement.h"

using namespace cdscb;

using cdscb::server::testing::body_of;
using cdscb::server::testing::PaymentsHarness;

namespace {

const char kTwoPeriods[] = "PA14010012345";  // 412.350 ₫ (10/2026) + 389.120 ₫ (11/2026)
const char kOctober[] = "EVN-PA14010012345-202610";
const char kNovember[] = "EVN-PA14010012345-202611";
constexpr long long kTotal = 412350 + 389120;

nlohmann::json lookup(PaymentsHarness& h, const std::string& cookie, const std::string& code,
                      int expected_status, const std::string& provider = "evn") {
  const auto answer =
      h.accounts.post("/api/v1/payments/lookup", {{"provider", provider}, {"customer_code", code}},
                      {.cookie = cookie});
  CHECK(answer.status == expected_status);
  return body_of(answer);
}

}  // namespace

TEST_CASE("a lookup shows the masked customer and every unpaid period with the total") {
  PaymentsHarness h;
  const std::string cookie = h.citizen("0912000101");
  const auto found = lookup(h, cookie, " pa14 010012345", 200);
  CHECK(found["customer_code"] == kTwoPeriods);
  CHECK(found["customer"]["name"] == "NÔNG V** D**");
  CHECK(found["customer"]["address"] == "***, Phường Thục Phán, tỉnh Cao Bằng");
  REQUIRE(found["bills"].size() == 2);
  CHECK(found["bills"][0]["period"] == "2026-10");
  CHECK(found["bills"][0]["amount"] == 412350);
  CHECK(found["total"] == kTotal);

  CHECK(lookup(h, cookie, "PA14030007890", 200)["bills"].empty());  // no debt
  CHECK(lookup(h, cookie, "PA14040009999", 404)["error"]["code"] == "customer_not_found");
  const auto down = lookup(h, cookie, "PA14050000503", 503);
  CHECK(down["error"]["message"] == "Nhà cung cấp đang gián đoạn, vui lòng thử lại sau.");
  const auto bad = lookup(h, cookie, "PB02020040261", 422);
  CHECK(bad["error"]["fields"]["customer_code"].get<std::string>().find("PA") != std::string::npos);
  CHECK(lookup(h, cookie, "PA14' OR 1=1", 422)["error"]["fields"].contains("customer_code"));
  CHECK(lookup(h, cookie, "PA14010012345", 422, "gas")["error"]["fields"].contains("provider"));
  // Signed out: nothing is asked of the provider.
  CHECK(h.accounts
            .post("/api/v1/payments/lookup", {{"provider", "evn"}, {"customer_code", kTwoPeriods}})
            .status == 401);
}

TEST_CASE("an order takes the provider's amounts, and a bill is in one live order only") {
  PaymentsHarness h;
  const std::string an = h.citizen("0912000102");
  const std::string binh = h.citizen("0912000103");
  const auto made = h.order(an, kTwoPeriods, {kNovember, kOctober});
  REQUIRE(made.status == 201);
  const auto order = body_of(made)["order"];
  CHECK(order["amount"] == kTotal);
  CHECK(order["status"] == "created");
  CHECK(order["bills"].size() == 2);
  const std::string code = order["code"];
  CHECK(code.starts_with("CDS"));
  // The same bills again (a second tab, a retry): the same order.
  const auto again = h.order(an, kTwoPeriods, {kOctober, kNovember});
  CHECK(again.status == 200);
  CHECK(body_of(again)["order"]["code"] == code);
  // Someone else cannot start paying them meanwhile, nor see the order.
  const auto other = h.order(binh, kTwoPeriods, {kOctober});
  CHECK(other.status == 409);
  CHECK(body_of(other)["error"]["code"] == "bill_in_payment");
  CHECK(h.accounts.get("/api/v1/payments/orders/" + code, {.cookie = binh}).status == 404);
  CHECK(body_of(h.accounts.get("/api/v1/payments/orders", {.cookie = binh}))["items"].empty());
  // Oldest first at EVN: November alone is refused; an unknown bill is "changed".
  const auto newer = h.order(binh, "PA14020004567", {"EVN-PA14020004567-202611"});
  CHECK(newer.status == 422);
  CHECK(body_of(newer)["error"]["code"] == "older_bill_unpaid");
  CHECK(h.order(binh, "PA14020004567", {"EVN-PA14020004567-202512"}).status == 409);
  // The history lists it.
  const auto mine = body_of(h.accounts.get("/api/v1/payments/orders", {.cookie = an}));
  REQUIRE(mine["items"].size() == 1);
  CHECK(mine["items"][0]["code"] == code);
}

TEST_CASE(
    "only a signed IPN for the right amount books an order, once, then the provider confirms") {
  PaymentsHarness h;
  const std::string an = h.citizen("0912000104");
  const std::string code =
      body_of(h.order(an, kTwoPeriods, {kOctober, kNovember}))["order"]["code"];
  const auto start = h.accounts.post("/api/v1/payments/orders/" + code + "/vnpay",
                                     nlohmann::json::object(), {.cookie = an});
  REQUIRE(start.status == 200);
  const std::string url = body_of(start)["pay_url"];
  CHECK(url.find("vnp_Amount=" + std::to_string(kTotal * 100) + "&") != std::string::npos);
  CHECK(url.find("vnp_TxnRef=" + code + "&") != std::string::npos);
  CHECK(h.status_of(an, code) == "pending");

  // Forged: another secret, a changed amount, an unknown order.
  CHECK(body_of(h.ipn(code, kTotal, "00", "", "not-the-secret"))["RspCode"] == "97");
  CHECK(body_of(h.ipn(code, 1000, "00"))["RspCode"] == "04");
  CHECK(body_of(h.ipn("CDS000000000000", kTotal, "00"))["RspCode"] == "01");
  // "00" alone is not a payment.
  CHECK(h.status_of(an, code) == "pending");
  // A Return URL books nothing: the order is still pending after the browser came back.
  const auto back =
      h.accounts.get("/api/v1/payments/vnpay/return?" +
                     PaymentsHarness::result_query(code, kTotal, "00", "00",
                                                   cdscb::server::testing::kVnpaySecret));
  CHECK(back.status == 303);
  CHECK(back.headers.get("Location").value_or("") == "/#/thanh-toan/don/" + code);
  CHECK(h.status_of(an, code) == "pending");

  const auto booked = body_of(h.ipn(code, kTotal, "00"));
  CHECK(booked["RspCode"] == "00");
  // The delivery job ran after the call: the provider has the bills as paid.
  const auto order =
      body_of(h.accounts.get("/api/v1/payments/orders/" + code, {.cookie = an}))["order"];
  CHECK(order["status"] == "delivered");
  CHECK(order["receipt"]["gateway_transaction"] == "14012345");
  CHECK(lookup(h, an, kTwoPeriods, 200)["bills"].empty());
  // A replayed IPN is acknowledged and changes nothing.
  CHECK(body_of(h.ipn(code, kTotal, "00"))["RspCode"] == "02");
  CHECK(h.accounts.count_rows("payment_events", "outcome = 'booked'") == 1);
  CHECK(h.accounts.count_rows("jobs", "kind = 'payments.deliver'") == 1);
  // The forged IPN (bad signature) was not even stored.
  CHECK(h.accounts.count_rows("payment_events") ==
        h.accounts.count_rows("payment_events", "outcome <> 'bad_signature'"));
}

TEST_CASE("a cancelled payment leaves the bills unpaid and free to pay again") {
  PaymentsHarness h;
  const std::string an = h.citizen("0912000105");
  const std::string code = body_of(h.order(an, kTwoPeriods, {kOctober}))["order"]["code"];
  REQUIRE(h.accounts
              .post("/api/v1/payments/orders/" + code + "/vnpay", nlohmann::json::object(),
                    {.cookie = an})
              .status == 200);
  CHECK(body_of(h.ipn(code, 412350, "24"))["RspCode"] == "00");
  CHECK(h.status_of(an, code) == "failed");
  CHECK(lookup(h, an, kTwoPeriods, 200)["bills"].size() == 2);
  // Paying a failed order again is refused; a new order of the same bill is made.
  CHECK(h.accounts
            .post("/api/v1/payments/orders/" + code + "/vnpay", nlohmann::json::object(),
                  {.cookie = an})
            .status == 409);
  const auto fresh = h.order(an, kTwoPeriods, {kOctober});
  CHECK(fresh.status == 201);
  CHECK(body_of(fresh)["order"]["code"] != code);
}

TEST_CASE("a provider that refuses the confirmation once leaves the order paid until it confirms") {
  PaymentsHarness h;
  const std::string an = h.citizen("0912000106");
  const auto found = lookup(h, an, "PA14060001122", 200);
  REQUIRE(found["bills"].size() == 1);
  const std::string bill = found["bills"][0]["bill_id"];
  const long long amount = found["total"];
  const std::string code = body_of(h.order(an, "PA14060001122", {bill}))["order"]["code"];
  REQUIRE(h.accounts
              .post("/api/v1/payments/orders/" + code + "/vnpay", nlohmann::json::object(),
                    {.cookie = an})
              .status == 200);
  CHECK(body_of(h.ipn(code, amount, "00"))["RspCode"] == "00");
  // Paid at the gateway, refused for now at the provider: visible as paid, retried later.
  CHECK(h.status_of(an, code) == "paid");
  h.accounts.clock.advance(std::chrono::seconds(15));
  h.accounts.jobs().run_due();
  CHECK(h.status_of(an, code) == "delivered");
  CHECK(h.accounts.count_rows("payment_events", "source = 'provider' AND outcome = 'retry'") == 1);
}

TEST_CASE("fifty copies of one IPN at once book the order once, on either database") {
  cdscb::server::testing::for_each_database(8, [](cdscb::server::db::Database& database) {
    PaymentsHarness h(&database);
    const std::string an = h.citizen("0912000107");
    const std::string code =
        body_of(h.order(an, kTwoPeriods, {kOctober, kNovember}))["order"]["code"];
    REQUIRE(h.accounts
                .post("/api/v1/payments/orders/" + code + "/vnpay", nlohmann::json::object(),
                      {.cookie = an})
                .status == 200);
    const auto answers =
        cdscb::server::testing::at_once(50, [&](int) { return h.ipn(code, kTotal, "00"); });
    int booked = 0, already = 0;
    for (const auto& answer : answers) {
      const std::string rsp = body_of(answer)["RspCode"];
      booked += rsp == "00";
      already += rsp == "02";
    }
    CHECK(booked == 1);
    CHECK(already == 49);
    CHECK(h.accounts.count_rows("payment_events", "outcome = 'booked'") == 1);
    CHECK(h.accounts.count_rows("jobs", "kind = 'payments.deliver'") == 1);
    h.accounts.jobs().run_due();
    CHECK(h.status_of(an, code) == "delivered");
  });
}

TEST_CASE("two tabs asking at once for an order of the same bills get one order") {
  cdscb::server::testing::for_each_database(8, [](cdscb::server::db::Database& database) {
    PaymentsHarness h(&database);
    const std::string an = h.citizen("0912000108");
    const auto answers = cdscb::server::testing::at_once(6, [&](int) {
      return h.order(an, kTwoPeriods, {kOctober, kNovember});
    });
    CHECK(cdscb::server::testing::count_status(answers, 201) == 1);
    CHECK(cdscb::server::testing::count_status(answers, 200) == 5);
    std::set<std::string> codes;
    for (const auto& answer : answers)
      codes.insert(body_of(answer)["order"]["code"].get<std::string>());
    CHECK(codes.size() == 1);
    CHECK(h.accounts.count_rows("payment_orders") == 1);
  });
}

TEST_CASE("a VietQR order is a NAPAS QR of the exact amount, booked by the bank's signed notice") {
  PaymentsHarness h;
  const std::string an = h.citizen("0912000109");
  const std::string code =
      body_of(h.order(an, kTwoPeriods, {kOctober, kNovember}))["order"]["code"];
  const auto qr = h.accounts.post("/api/v1/payments/orders/" + code + "/vietqr",
                                  nlohmann::json::object(), {.cookie = an});
  REQUIRE(qr.status == 200);
  const std::string payload = body_of(qr)["payload"];
  const auto fields = core::read_emv_fields(payload);
  REQUIRE(fields);
  CHECK(fields->at("54") == std::to_string(kTotal));
  CHECK(core::read_emv_template(fields->at("62"))->at("08") == code);
  CHECK(core::read_emv_template(core::read_emv_template(fields->at("38"))->at("01"))->at("01") ==
        cdscb::server::testing::kVietQrAccount);
  CHECK(h.status_of(an, code) == "pending");

  // Forged, short, unknown: nothing booked.
  CHECK(h.bank_transfer(code, kTotal, "VQR1", "not-the-secret").status == 401);
  CHECK(body_of(h.bank_transfer(code, kTotal - 1, "VQR2"))["result"] == "bad_amount");
  CHECK(body_of(h.bank_transfer("CDS000000000000", kTotal, "VQR3"))["result"] == "order_not_found");
  CHECK(h.status_of(an, code) == "pending");
  // The exact amount books it, and the provider is told.
  CHECK(body_of(h.bank_transfer(code, kTotal, "VQR4"))["result"] == "booked");
  CHECK(h.status_of(an, code) == "delivered");
  // The same notice again, or a second transfer naming a paid order: never booked twice.
  CHECK(body_of(h.bank_transfer(code, kTotal, "VQR4"))["result"] == "duplicate");
  CHECK(body_of(h.bank_transfer(code, kTotal, "VQR5"))["result"] == "already_paid");
  CHECK(h.accounts.count_rows("payment_events", "source = 'vietqr' AND outcome = 'booked'") == 1);
  CHECK(h.accounts.count_rows("payment_events", "source = 'vietqr'") == 5);  // the forged one: none
  // Another citizen cannot have the QR of someone's order.
  const std::string binh = h.citizen("0912000110");
  CHECK(h.accounts
            .post("/api/v1/payments/orders/" + code + "/vietqr", nlohmann::json::object(),
                  {.cookie = binh})
            .status == 404);
}

TEST_CASE("Danh bạ thanh toán keeps a citizen's named codes, theirs alone") {
  PaymentsHarness h;
  const std::string an = h.citizen("0912000111");
  const std::string binh = h.citizen("0912000112");
  const auto saved = h.accounts.post(
      "/api/v1/payments/contacts",
      {{"provider", "evn"}, {"customer_code", "pa14010012345"}, {"name", "Nhà bố mẹ"}},
      {.cookie = an});
  REQUIRE(saved.status == 201);
  const auto item = body_of(saved)["item"];
  CHECK(item["customer_code"] == kTwoPeriods);
  CHECK(item["service"] == "electricity");
  // The same code again renames it.
  const auto renamed =
      h.accounts.post("/api/v1/payments/contacts",
                      {{"provider", "evn"}, {"customer_code", kTwoPeriods}, {"name", "Nhà ông bà"}},
                      {.cookie = an});
  CHECK(renamed.status == 200);
  CHECK(body_of(renamed)["item"]["id"] == item["id"]);
  const auto list = body_of(h.accounts.get("/api/v1/payments/contacts", {.cookie = an}));
  REQUIRE(list["items"].size() == 1);
  CHECK(list["items"][0]["name"] == "Nhà ông bà");
  CHECK(body_of(h.accounts.get("/api/v1/payments/contacts", {.cookie = binh}))["items"].empty());
  // Bad input: a clear message per field.
  const auto bad = h.accounts.post(
      "/api/v1/payments/contacts",
      {{"provider", "water"}, {"customer_code", "<script>"}, {"name", " "}}, {.cookie = an});
  CHECK(bad.status == 422);
  CHECK(body_of(bad)["error"]["fields"].contains("customer_code"));
  CHECK(body_of(bad)["error"]["fields"]["name"] == "Vui lòng đặt tên gợi nhớ, ví dụ: Nhà bố mẹ.");
  // Another account cannot delete it; its owner can.
  const std::string target =
      "/api/v1/payments/contacts/" + std::to_string(item["id"].get<long long>());
  CHECK(h.accounts.del(target, {.cookie = binh}).status == 404);
  CHECK(h.accounts.del(target, {.cookie = an}).status == 204);
  CHECK(h.accounts.del(target, {.cookie = an}).status == 404);
}

TEST_CASE(
    "an order whose IPN never came is settled by querydr; unpaid ones expire and free their "
    "bills") {
  cdscb::server::testing::VnpaySandbox gateway;
  PaymentsHarness h(nullptr, &gateway);
  const std::string an = h.citizen("0912000113");
  const auto start = [&](const std::string& customer, const std::vector<std::string>& bills) {
    const std::string code = body_of(h.order(an, customer, bills))["order"]["code"];
    const auto paying = h.accounts.post("/api/v1/payments/orders/" + code + "/vnpay",
                                        nlohmann::json::object(), {.cookie = an});
    REQUIRE(paying.status == 200);
    // The browser opens the gateway's page: the gateway now knows the transaction.
    const auto page = gateway.send("GET", body_of(paying)["pay_url"].get<std::string>());
    REQUIRE_MESSAGE(page.status == 302, page.body);
    return code;
  };
  const std::string paid = start(kTwoPeriods, {kOctober, kNovember});
  REQUIRE(gateway
              .send("POST", "/control/transactions/" + paid + "/complete",
                    R"({"outcome":"00","ipn_mode":"never"})")
              .status == 200);
  const std::string abandoned = start("PA14070002233", {"EVN-PA14070002233-202610"});
  const std::string never_started =
      body_of(h.order(an, "PA14020004567", {"EVN-PA14020004567-202609"}))["order"]["code"];

  // Nothing is settled before the orders' time runs out.
  CHECK(cdscb::server::payments::settle_expired_orders(h.deps()).booked == 0);
  CHECK(h.status_of(an, paid) == "pending");
  h.accounts.clock.advance(std::chrono::seconds(cdscb::server::payments::kOrderLifetime + 1));
  const auto first = cdscb::server::payments::settle_expired_orders(h.deps());
  CHECK(first.booked == 1);
  CHECK(first.expired == 1);  // the one never started
  h.accounts.jobs().run_due();
  CHECK(h.status_of(an, paid) == "delivered");
  CHECK(h.status_of(an, never_started) == "expired");
  // The abandoned payment is still open at the gateway: given its grace period, then expired.
  CHECK(h.status_of(an, abandoned) == "pending");
  h.accounts.clock.advance(std::chrono::seconds(cdscb::server::payments::kGrace));
  CHECK(cdscb::server::payments::settle_expired_orders(h.deps()).expired == 1);
  CHECK(h.status_of(an, abandoned) == "expired");
  // Its bill is free again.
  CHECK(h.order(an, "PA14070002233", {"EVN-PA14070002233-202610"}).status == 201);
}

TEST_CASE(
    "admins see every order with its messages, refund through the gateway, and reconcile the day") {
  cdscb::server::testing::VnpaySandbox gateway;
  PaymentsHarness h(nullptr, &gateway);
  const std::string an = h.citizen("0912000114");
  const std::string admin =
      h.accounts.create_account("0912000115", "Non nuoc Cao Bang 1", "Lý Văn Quản");
  {
    soci::session sql(h.accounts.database().pool());
    sql << "UPDATE users SET role = 'admin' WHERE phone = '0912000115'";
  }
  // The reconciliation day (GMT+7) of the test clock's now.
  const auto vietnam_day = [&h] {
    const long long now =
        std::chrono::duration_cast<std::chrono::seconds>(h.accounts.clock.now().time_since_epoch())
            .count();
    return core::format_rfc3339(now + 7 * 3600).substr(0, 10);
  };
  const std::string first_day = vietnam_day();
  const std::string code =
      body_of(h.order(an, kTwoPeriods, {kOctober, kNovember}))["order"]["code"];
  const auto paying = h.accounts.post("/api/v1/payments/orders/" + code + "/vnpay",
                                      nlohmann::json::object(), {.cookie = an});
  REQUIRE(gateway.send("GET", body_of(paying)["pay_url"].get<std::string>()).status == 302);
  REQUIRE(gateway
              .send("POST", "/control/transactions/" + code + "/complete",
                    R"({"outcome":"00","ipn_mode":"never"})")
              .status == 200);
  h.accounts.clock.advance(std::chrono::seconds(cdscb::server::payments::kOrderLifetime + 1));
  REQUIRE(cdscb::server::payments::settle_expired_orders(h.deps()).booked == 1);
  h.accounts.jobs().run_due();
  // A second order, paid but refused for now by its provider: paid, not delivered.
  const auto refused = lookup(h, an, "PA14060001122", 200);
  const std::string pending_code =
      body_of(h.order(an, "PA14060001122", {refused["bills"][0]["bill_id"]}))["order"]["code"];
  h.accounts.post("/api/v1/payments/orders/" + pending_code + "/vnpay", nlohmann::json::object(),
                  {.cookie = an});
  CHECK(body_of(h.ipn(pending_code, refused["total"], "00"))["RspCode"] == "00");
  // A transfer of the wrong amount for the first order: kept, not booked.
  CHECK(body_of(h.bank_transfer(code, 5000, "VQR-WRONG"))["result"] == "bad_amount");

  // Citizens are refused; admins filter the list.
  CHECK(h.accounts.get("/api/v1/admin/payments/orders", {.cookie = an}).status == 403);
  const auto delivered =
      body_of(h.accounts.get("/api/v1/admin/payments/orders?status=delivered", {.cookie = admin}));
  REQUIRE(delivered["items"].size() == 1);
  CHECK(delivered["items"][0]["code"] == code);
  CHECK(body_of(h.accounts.get("/api/v1/admin/payments/orders?status=nope",
                               {.cookie = admin}))["error"]["fields"]
            .contains("status"));
  const auto detail =
      body_of(h.accounts.get("/api/v1/admin/payments/orders/" + code, {.cookie = admin}));
  std::set<std::string> sources;
  for (const auto& m : detail["messages"]) sources.insert(m["source"].get<std::string>());
  CHECK(sources.count("vnpay_querydr") == 1);
  CHECK(sources.count("provider") == 1);

  // The day's reconciliation: the paid-not-delivered order, and the stray transfer. The clock
  // moved on by an order's lifetime, so near midnight the orders fall on two days: both are read.
  std::set<std::string> days = {first_day, vietnam_day()};
  int orders = 0;
  std::multiset<std::string> kinds;
  for (const std::string& date : days) {
    const auto day = body_of(
        h.accounts.get("/api/v1/admin/payments/reconciliation?date=" + date, {.cookie = admin}));
    orders += day["orders"].get<int>();
    for (const auto& m : day["mismatches"]) kinds.insert(m["kind"].get<std::string>());
  }
  CHECK(orders == 2);
  CHECK(kinds.count("not_delivered") == 1);
  CHECK(kinds.count("gateway_anomaly") == 1);
  CHECK(kinds.count("missing_at_provider") == 0);
  CHECK(kinds.count("unknown_to_us") == 0);
  CHECK(h.accounts.get("/api/v1/admin/payments/reconciliation?date=2026-02-30", {.cookie = admin})
            .status == 422);

  // A refund needs a reason, goes through the gateway, and is final.
  CHECK(h.accounts
            .post("/api/v1/admin/payments/orders/" + code + "/refund", {{"reason", " "}},
                  {.cookie = admin})
            .status == 422);
  const auto refunded = h.accounts.post("/api/v1/admin/payments/orders/" + code + "/refund",
                                        {{"reason", "Khách hàng trả nhầm kỳ"}}, {.cookie = admin});
  REQUIRE_MESSAGE(refunded.status == 200, refunded.body);
  CHECK(body_of(refunded)["order"]["status"] == "refunded");
  const auto txn = nlohmann::json::parse(gateway.send("GET", "/control/transactions/" + code).body);
  CHECK(txn["refunds"].size() == 1);
  CHECK(h.accounts
            .post("/api/v1/admin/payments/orders/" + code + "/refund", {{"reason", "Lần nữa"}},
                  {.cookie = admin})
            .status == 409);
}
