// A private list kept on the device ("Lịch sử thanh toán", "Danh bạ thanh toán") belongs to the
// account the server answered: another account on the same browser never reads it, its owner
// does after signing in again.
#include "app/state/account_cache.h"

#include <doctest/doctest.h>

#include "tests/app/fake_platform.h"

using namespace cdscb;
using namespace cdscb::app;

TEST_CASE("a private list kept on the device is read back for its own account only") {
  state::Replies stale;
  fake::answer_idb(stale);
  fake::idb().clear();
  const std::string an_history = R"({"items":[{"code":"CDS2612070001","amount":801470}]})";
  state::AccountCache cache("payments/history");
  state::Replies replies;

  // An (account 7) loads the history online: the answer is kept under An's prefix.
  CHECK(cache.key("7") == "u/7/cache/payments/history");
  cache.keep("7", an_history);
  fake::answer_idb(replies);
  CHECK(fake::idb().at("u/7/cache/payments/history") == an_history);

  // Nobody signed in: nothing is read, and nothing is kept for "nobody".
  cache.open("", replies);
  fake::answer_idb(replies);
  CHECK(!cache.take(replies));
  cache.keep("", an_history);
  fake::answer_idb(replies);
  CHECK(fake::idb().size() == 1);

  // Bình (account 8) signs in on the same browser: no copy of theirs, none of An's.
  cache.open("8", replies);
  fake::answer_idb(replies);
  CHECK(!cache.take(replies));

  // An signs in again: An's copy.
  cache.open("7", replies);
  CHECK(!cache.take(replies));  // not read yet
  fake::answer_idb(replies);
  CHECK(cache.take(replies) == an_history);
  CHECK(!cache.take(replies));  // taken once

  // An's read still under way when Bình signs in: its answer is never handed to Bình's page.
  cache.open("7", replies);
  cache.open("8", replies);
  fake::answer_idb(replies);
  CHECK(!cache.take(replies));

  // Bình's own answer is kept apart and does not replace An's.
  const std::string binh_history = R"({"items":[]})";
  cache.keep("8", binh_history);
  fake::answer_idb(replies);
  CHECK(fake::idb().at("u/8/cache/payments/history") == binh_history);
  CHECK(fake::idb().at("u/7/cache/payments/history") == an_history);
  cache.open("8", replies);
  fake::answer_idb(replies);
  CHECK(cache.take(replies) == binh_history);
}
