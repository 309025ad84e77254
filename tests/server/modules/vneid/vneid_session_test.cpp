// The VNeID callback's token exchange is a network call to the provider: while it runs, the
// callback holds no pooled database session, so a slow provider cannot exhaust the pool.
#include <doctest/doctest.h>
#include <soci/soci.h>

#include <vector>

#include "modules/vneid/vneid_harness.h"

using namespace cdscb::server;
using namespace cdscb::server::testing;

TEST_CASE("the VNeID callback holds no pooled session during the token exchange") {
  VneidHarness harness;
  int exchanges = 0;
  std::size_t free_during_exchange = 0;
  harness.provider.tamper_id_token = [&](const std::string& id_token) {
    ++exchanges;
    // Lease every session of the pool without waiting; all are free unless the callback kept one.
    soci::connection_pool& pool = harness.database->pool();
    std::vector<std::size_t> leased;
    std::size_t position = 0;
    while (leased.size() < 2 && pool.try_lease(position, 0)) leased.push_back(position);
    free_during_exchange = leased.size();
    for (const std::size_t each : leased) pool.give_back(each);
    return id_token;
  };
  Browser browser;
  const auto answer = harness.log_in(browser);
  CHECK(answer.status == 302);
  CHECK(exchanges == 1);
  CHECK(free_during_exchange == 2);  // the harness's pool has 2 sessions
  // The exchange's outcome was still written: the identity waits to be linked.
  CHECK(harness.accounts->count_rows("vneid_attempts", "identity IS NOT NULL") == 1);
}
