// PKCE S256 and the random values of a login attempt.
#include <doctest/doctest.h>

#include <set>

#include "integrations/vneid/pkce.h"

using cdscb::server::integrations::vneid::code_challenge_s256;
using cdscb::server::integrations::vneid::is_valid_code_verifier;
using cdscb::server::integrations::vneid::make_code_verifier;
using cdscb::server::integrations::vneid::make_nonce;
using cdscb::server::integrations::vneid::make_state;

TEST_CASE("vneid: S256 challenge matches RFC 7636 Appendix B") {
  CHECK(code_challenge_s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") ==
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST_CASE("vneid: code verifiers are 43 unreserved characters and never repeat") {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string verifier = make_code_verifier();
    CHECK(verifier.size() == 43);
    CHECK(is_valid_code_verifier(verifier));
    CHECK(code_challenge_s256(verifier).size() == 43);
    seen.insert(verifier);
  }
  CHECK(seen.size() == 50);
}

TEST_CASE("vneid: state and nonce are 256-bit random and distinct") {
  const std::string state = make_state();
  const std::string nonce = make_nonce();
  CHECK(state.size() == 43);
  CHECK(nonce.size() == 43);
  CHECK(state != nonce);
  CHECK(make_state() != state);
  CHECK(make_nonce() != nonce);
}

TEST_CASE("vneid: verifier validation follows RFC 7636 4.1") {
  CHECK(is_valid_code_verifier(std::string(43, 'a')));
  CHECK(is_valid_code_verifier(std::string(128, '~')));
  CHECK(is_valid_code_verifier("abc-._~ABC0123456789abcdefghijklmnopqrstuvw"));
  CHECK_FALSE(is_valid_code_verifier(std::string(42, 'a')));
  CHECK_FALSE(is_valid_code_verifier(std::string(129, 'a')));
  CHECK_FALSE(is_valid_code_verifier(std::string(42, 'a') + "+"));
  CHECK_FALSE(is_valid_code_verifier(std::string(42, 'a') + "="));
}
