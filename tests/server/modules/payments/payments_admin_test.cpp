// The admins' payment screens ask the list for what an admin types (an order or customer code, a
// service, the days an order was made) and the day's reconciliation for each provider's totals.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <set>
#include <string>

#include "core/time_text.h"
#include "modules/payments/payments_harness.h"

using namespace cdscb;

using cdscb::server::testing::body_of;
using cdscb::server::testing::PaymentsHarness;

namespace {

// The codes of a list's items, in the order given.
std::vector<std::string> codes_of(const nlohmann::json& list) {
  std::vector<std::string> codes;
  for (const auto& item : list["items"]) codes.push_back(item["code"]);
  return codes;
}

// An admin's cookie, made from a citizen's account the way `user add --role admin` would.
std::string make_admin(PaymentsHarness& h, const std::string& phone) {
  const std::string cookie = h.accounts.create_account(phone, "Non nuoc Cao Bang 1", "Lý Văn Quản");
  soci::session sql(h.accounts.database().pool());
  sql << "UPDATE users SET role = 'admin' WHERE phone = :phone", soci::use(phone);
  return cookie;
}

// A VietQR order of every bill of `customer_code`, paid by the bank's notice and confirmed at
// the provider; its code.
std::string paid_by_vietqr(PaymentsHarness& h, const std::string& cookie,
                           const std::string& customer_code, const std::string& provider) {
  const auto found = body_of(h.accounts.post(
      "/api/v1/payments/lookup", {{"provider", provider}, {"customer_code", customer_code}},
      {.cookie = cookie}));
  std::vector<std::string> bills;
  for (const auto& bill : found["bills"]) bills.push_back(bill["bill_id"]);
  const std::string code =
      body_of(h.order(cookie, customer_code, bills, provider))["order"]["code"];
  REQUIRE(h.accounts
              .post("/api/v1/payments/orders/" + code + "/vietqr", nlohmann::json::object(),
                    {.cookie = cookie})
              .status == 200);
  REQUIRE(body_of(h.bank_transfer(code, found["total"], "VQR-" + code))["result"] == "booked");
  h.accounts.jobs().run_due();
  return code;
}

}  // namespace

TEST_CASE("admins find orders by code, customer code, service and day; bad filters are named") {
  cdscb::server::testing::VnpaySandbox gateway;  // the real clock: the provider's day is ours
  PaymentsHarness h(nullptr, &gateway);
  const std::string an = h.citizen("0912000121");
  const std::string admin = make_admin(h, "0912000122");
  const std::string power = paid_by_vietqr(h, an, "PA14010012345", "evn");
  const std::string water = paid_by_vietqr(h, an, "TP010234", "water");
  const auto list = [&](const std::string& query) {
    return h.accounts.get("/api/v1/admin/payments/orders" + query, {.cookie = admin});
  };
  CHECK(codes_of(body_of(list(""))) == std::vector<std::string>{water, power});
  CHECK(codes_of(body_of(list("?q=" + power))) == std::vector<std::string>{power});
  CHECK(codes_of(body_of(list("?q=TP010234"))) == std::vector<std::string>{water});
  CHECK(codes_of(body_of(list("?q=PA14099999999"))).empty());
  CHECK(codes_of(body_of(list("?service=electricity"))) == std::vector<std::string>{power});
  CHECK(codes_of(body_of(list("?service=water&status=delivered"))) ==
        std::vector<std::string>{water});
  const long long now =
      std::chrono::duration_cast<std::chrono::seconds>(h.accounts.clock.now().time_since_epoch())
          .count();
  const std::string today = core::format_rfc3339(now + 7 * 3600).substr(0, 10);
  const std::string tomorrow = core::format_rfc3339(now + 7 * 3600 + 86400).substr(0, 10);
  CHECK(codes_of(body_of(list("?from=" + today + "&to=" + today))).size() == 2);
  CHECK(codes_of(body_of(list("?from=" + tomorrow))).empty());
  CHECK(codes_of(body_of(list("?to=2020-01-01"))).empty());
  // The list pages through the filtered orders only.
  const auto first = body_of(list("?limit=1&from=" + today));
  REQUIRE(first["next_cursor"].is_string());
  CHECK(codes_of(body_of(list("?limit=1&from=" + today +
                              "&cursor=" + first["next_cursor"].get<std::string>()))) ==
        std::vector<std::string>{power});

  const auto bad = list("?service=gas&from=2026-02-30&to=hom-nay");
  CHECK(bad.status == 422);
  const auto fields = body_of(bad)["error"]["fields"];
  CHECK(fields["service"] == "Dịch vụ không hợp lệ.");
  CHECK(fields["from"] == "Ngày không hợp lệ, ví dụ đúng: 2026-12-02.");
  CHECK(fields.contains("to"));
  CHECK(h.accounts.get("/api/v1/admin/payments/orders?q=" + power, {.cookie = an}).status == 403);
}

TEST_CASE("reconciliation totals each provider and method; a refunded order the provider kept") {
  cdscb::server::testing::VnpaySandbox gateway;
  PaymentsHarness h(nullptr, &gateway);
  const std::string an = h.citizen("0912000123");
  const std::string admin = make_admin(h, "0912000124");
  const std::string code = paid_by_vietqr(h, an, "PA14010012345", "evn");
  const long long now =
      std::chrono::duration_cast<std::chrono::seconds>(h.accounts.clock.now().time_since_epoch())
          .count();
  const std::string today = core::format_rfc3339(now + 7 * 3600).substr(0, 10);
  const auto day = [&] {
    return body_of(
        h.accounts.get("/api/v1/admin/payments/reconciliation?date=" + today, {.cookie = admin}));
  };
  const auto matching = day();
  CHECK(matching["mismatches"].empty());
  CHECK(matching["total"] == 801470);
  const auto provider_line = [](const nlohmann::json& answer, const std::string& id) {
    for (const auto& line : answer["providers"])
      if (line["provider"] == id) return line;
    return nlohmann::json();
  };
  const auto evn = provider_line(matching, "evn");
  CHECK(evn["name"] == "Điện lực Cao Bằng");
  CHECK(evn["orders"] == 1);
  CHECK(evn["total"] == 801470);
  CHECK(evn["confirmed"] == 1);
  CHECK(evn["confirmed_total"] == 801470);
  CHECK(evn["reachable"] == true);
  CHECK(provider_line(matching, "water")["orders"] == 0);
  REQUIRE(matching["methods"].size() == 1);
  CHECK(matching["methods"][0] ==
        nlohmann::json({{"method", "vietqr"}, {"orders", 1}, {"total", 801470}}));

  // A manual refund of a VietQR order the provider already confirmed: a mismatch to settle.
  const auto refunded = h.accounts.post("/api/v1/admin/payments/orders/" + code + "/refund",
                                        {{"reason", "Trả nhầm"}}, {.cookie = admin});
  REQUIRE(refunded.status == 200);
  CHECK(body_of(refunded)["order"]["status"] == "refunded");
  const auto after = day();
  REQUIRE(after["mismatches"].size() == 1);
  CHECK(after["mismatches"][0]["kind"] == "refunded_but_confirmed");
  CHECK(after["mismatches"][0]["order_code"] == code);

  // A provider that cannot be asked is named, with nothing counted from it.
  h.bills.control("/control/providers/water", {{"available", false}});
  const auto down = day();
  CHECK(provider_line(down, "water")["reachable"] == false);
  std::set<std::string> kinds;
  for (const auto& m : down["mismatches"]) kinds.insert(m["kind"].get<std::string>());
  CHECK(kinds == std::set<std::string>{"refunded_but_confirmed", "provider_unreachable"});
}
