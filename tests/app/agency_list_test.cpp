// The agencies the forms pick from come from the server (data/agencies.csv is their one source)
// and are kept on the device: a form opened offline still lists them.
#include "app/state/agency_list.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/app/fake_platform.h"
#include "tests/app/fake_transport.h"

using namespace cdscb;
using namespace cdscb::app;

namespace {

const std::string kPath = "/api/v1/agencies";
const std::string kBody =
    R"({"agencies":[{"code":"so-y-te","name":"Sở Y tế"},)"
    R"({"code":"ubnd-xa-hoa-an","name":"UBND xã Hòa An"},{"code":"","name":"bỏ qua"}]})";

std::string reply(int status, const std::string& body) {
  return nlohmann::json{{"status", status}, {"body", body}}.dump();
}

std::string last_get_id() {
  for (auto it = fake::sent().rbegin(); it != fake::sent().rend(); ++it)
    if (it->method == "GET" && it->path == kPath) return it->id;
  FAIL("no GET " << kPath);
  return {};
}

}  // namespace

TEST_CASE("agency list: the server's agencies by code and name, kept for an offline start") {
  state::Replies stale;
  fake::answer_idb(stale);
  fake::idb().clear();
  {
    api::Client api;
    state::Replies replies;
    state::AgencyList list;
    list.refresh(api, replies);
    fake::answer_idb(replies);
    CHECK_FALSE(list.take(api, replies));
    CHECK(list.names().empty());
    CHECK(list.name_of("so-y-te") == "so-y-te");  // not loaded yet: the code stands in
    api.deliver(last_get_id(), reply(200, kBody));
    REQUIRE(list.take(api, replies));
    fake::answer_idb(replies);
    CHECK(list.names() == std::vector<std::string>{"Sở Y tế", "UBND xã Hòa An"});
    CHECK(list.index_of("ubnd-xa-hoa-an") == 1);
    CHECK(list.index_of("so-khong-co") == -1);
    CHECK(list.code_at(0) == "so-y-te");
    CHECK(list.code_at(-1).empty());
    CHECK(list.code_at(2).empty());
    CHECK(list.name_of("ubnd-xa-hoa-an") == "UBND xã Hòa An");
  }
  {  // Reopened with no network: the kept list.
    api::Client api;
    state::Replies replies;
    state::AgencyList list;
    list.refresh(api, replies);
    fake::answer_idb(replies);
    REQUIRE(list.take(api, replies));
    CHECK(list.name_of("so-y-te") == "Sở Y tế");
    api.deliver(last_get_id(), reply(0, ""));
    CHECK_FALSE(list.take(api, replies));
    CHECK(list.names().size() == 2);
  }
}
