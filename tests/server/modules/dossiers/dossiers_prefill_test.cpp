// GET /api/v1/dossiers/prefill: the signed-in account's own values for a form's prefilled
// fields — the VNeID identity's personal number in full, the profile's address — and nothing for
// a visitor.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include "modules/dossiers/dossiers_harness.h"

using namespace cdscb;
using namespace cdscb::server;
using namespace cdscb::server::testing;

TEST_CASE("dossiers: prefill gives the owner's own name, birth date, number, phone and address") {
  DossiersHarness h;
  const std::string alice = h.citizen("0912000111", "Nông Thị Lan");
  const std::string bob = h.citizen("0912000222", "Hoàng Văn Ba");
  CHECK(h.call("PATCH", "/api/v1/me",
               R"({"birth_date":"1990-04-12","commune":"xa-phuc-hoa","street":"Xóm Nà Lẹng",)"
               R"("email":"lan@example.vn"})",
               alice)
            .status == 200);
  const long long id = body_of(h.get("/api/v1/me", alice))["user"]["id"];
  {
    soci::session sql(h.accounts.database().pool());
    sql << "INSERT INTO vneid_links (user_id, so_dinh_danh, sub, issuer, ho_va_ten, linked_at) "
           "VALUES (:id, '004190000123', 'sub-1', 'https://vneid.example', 'Nông Thị Lan', 0)",
        soci::use(id);
  }
  const http::Response answer = h.get("/api/v1/dossiers/prefill", alice);
  REQUIRE(answer.status == 200);
  CHECK(answer.headers.get("Cache-Control").value_or("").find("no-store") != std::string::npos);
  const auto mine = body_of(answer)["prefill"];
  CHECK(mine["full_name"] == "Nông Thị Lan");
  CHECK(mine["birth_date"] == "1990-04-12");
  CHECK(mine["personal_number"] == "004190000123");  // in full: only its owner asks
  CHECK(mine["phone"] == "0912000111");
  CHECK(mine["email"] == "lan@example.vn");
  CHECK(mine["permanent_address"]["commune"] == "xa-phuc-hoa");
  CHECK(mine["permanent_address"]["street"] == "Xóm Nà Lẹng");

  // Another account gets its own values: none of Lan's, nulls where it has nothing.
  const auto other = body_of(h.get("/api/v1/dossiers/prefill", bob))["prefill"];
  CHECK(other["full_name"] == "Hoàng Văn Ba");
  CHECK(other["personal_number"].is_null());
  CHECK(other["birth_date"].is_null());
  CHECK(other["permanent_address"].is_null());
  CHECK(other["phone"] == "0912000222");

  // A visitor is asked to sign in.
  CHECK(h.get("/api/v1/dossiers/prefill").status == 401);
}
