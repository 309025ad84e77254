// From the portal's claims to the identity the accounts module links.
#include <doctest/doctest.h>

#include "integrations/vneid/errors.h"
#include "integrations/vneid/identity.h"
#include "vneid_test_support.h"

using cdscb::server::integrations::vneid::identity_from_claims;
using cdscb::server::integrations::vneid::iso_date_from_vneid;
using cdscb::server::integrations::vneid::merge_claims;
using cdscb::server::integrations::vneid::OidcError;
using cdscb::server::integrations::vneid::OidcErrorCode;
using cdscb::server::testing::vneid::citizen_claims;

namespace {

nlohmann::json claims_with_sub() {
  auto claims = citizen_claims();
  claims["sub"] = "opaque-subject";
  return claims;
}

OidcErrorCode refusal(const nlohmann::json& claims) {
  try {
    identity_from_claims(claims);
  } catch (const OidcError& error) {
    return error.code();
  }
  FAIL("claims accepted");
  return OidcErrorCode::network;
}

}  // namespace

TEST_CASE("vneid: identity numbers must be 12 digits given as a string") {
  for (const nlohmann::json& bad :
       {nlohmann::json("04085012345"), nlohmann::json("0040850123456"),
        nlohmann::json("00408501234a"), nlohmann::json(4085012345LL), nlohmann::json("")}) {
    CAPTURE(bad.dump());
    auto claims = claims_with_sub();
    claims["SoDinhDanh"] = bad;
    CHECK(refusal(claims) == OidcErrorCode::bad_claims);
  }
  auto claims = claims_with_sub();
  claims.erase("SoDinhDanh");
  CHECK(refusal(claims) == OidcErrorCode::bad_claims);
}

TEST_CASE("vneid: a name is required; blank or control characters are refused") {
  auto claims = claims_with_sub();
  claims.erase("HoVaTen");
  CHECK(refusal(claims) == OidcErrorCode::bad_claims);
  claims["HoVaTen"] = "   ";
  CHECK(refusal(claims) == OidcErrorCode::bad_claims);
  claims["HoVaTen"] = "Nông\nVăn";
  CHECK(refusal(claims) == OidcErrorCode::bad_claims);
  claims["HoVaTen"] = "  Bế Thị Lan ";
  CHECK(identity_from_claims(claims).ho_va_ten == "Bế Thị Lan");
  claims.erase("sub");
  CHECK(refusal(claims) == OidcErrorCode::bad_claims);
}

TEST_CASE("vneid: birth dates are checked calendar dates") {
  CHECK(iso_date_from_vneid("19850312") == "1985-03-12");
  CHECK(iso_date_from_vneid("20000229") == "2000-02-29");
  CHECK_FALSE(iso_date_from_vneid("19990229").has_value());
  CHECK_FALSE(iso_date_from_vneid("19851312").has_value());
  CHECK_FALSE(iso_date_from_vneid("1985-03-12").has_value());
  CHECK_FALSE(iso_date_from_vneid("18991231").has_value());
  auto claims = claims_with_sub();
  claims["NgayThangNamSinh"] = "12/03/1985";
  const auto identity = identity_from_claims(claims);
  CHECK_FALSE(identity.ngay_sinh.has_value());  // dropped, the login goes on
  CHECK(identity.so_dinh_danh == "004085012345");
}

TEST_CASE("vneid: a citizen without a phone number has none, and the level falls back to IAL") {
  auto claims = claims_with_sub();
  claims.erase("SoDienThoai");
  claims.erase("loAs");
  claims["IAL"] = 1;
  const auto identity = identity_from_claims(claims);
  CHECK_FALSE(identity.so_dien_thoai.has_value());
  CHECK(identity.assurance_level == "1");
}

TEST_CASE("vneid: userinfo claims win over the ID token's") {
  const nlohmann::json merged = merge_claims({{"sub", "s"}, {"HoVaTen", "Cũ"}, {"nonce", "n"}},
                                             {{"sub", "s"}, {"HoVaTen", "Mới"}});
  CHECK(merged["HoVaTen"] == "Mới");
  CHECK(merged["nonce"] == "n");
}
