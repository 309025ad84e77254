// Reference data a form needs, kept on the device: the app reopened with no network still has the
// feedback fields it saw online, and the server's newer answer replaces the kept copy.
#include "app/state/reference_data.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/app/fake_platform.h"
#include "tests/app/fake_transport.h"

using namespace cdscb;
using namespace cdscb::app;

namespace {

using nlohmann::json;

std::string reply(int status, const std::string& body) {
  return json{{"status", status}, {"body", body}}.dump();
}

const fake::SentRequest& last_get(const std::string& path) {
  for (auto it = fake::sent().rbegin(); it != fake::sent().rend(); ++it)
    if (it->method == "GET" && it->path == path) return *it;
  FAIL("no GET " << path);
  return fake::sent().front();
}

}  // namespace

TEST_CASE("reference data: kept after an online visit, read back offline, replaced when newer") {
  state::Replies stale;
  fake::answer_idb(stale);
  fake::idb().clear();
  const std::string path = "/api/v1/feedback/fields";
  const std::string v1 = R"({"fields":[{"code":"giao-thong","name":"Giao thông"}]})";
  const std::string v2 = R"({"fields":[{"code":"moi-truong","name":"Môi trường"}]})";

  {  // The first visit, online: nothing kept yet, the server's answer is shown and kept.
    api::Client api;
    state::Replies replies;
    state::ReferenceData data(path);
    data.refresh(api, replies);
    fake::answer_idb(replies);
    CHECK(!data.take(api, replies));  // no kept copy
    api.deliver(last_get(path).id, reply(200, v1));
    CHECK(data.take(api, replies) == v1);
    fake::answer_idb(replies);
    CHECK(fake::idb().count("ref/" + path) == 1);
  }
  {  // Reopened with no network: the kept copy.
    api::Client api;
    state::Replies replies;
    state::ReferenceData data(path);
    data.refresh(api, replies);
    fake::answer_idb(replies);
    CHECK(data.take(api, replies) == v1);
    api.deliver(last_get(path).id, reply(0, ""));
    CHECK(!data.take(api, replies));  // the failure changes nothing
  }
  {  // Online again: the server answers before the kept copy is read; the older copy is not shown.
    api::Client api;
    state::Replies replies;
    state::ReferenceData data(path);
    data.refresh(api, replies);
    api.deliver(last_get(path).id, reply(200, v2));
    CHECK(data.take(api, replies) == v2);
    fake::answer_idb(replies);
    CHECK(!data.take(api, replies));
    CHECK(fake::idb()["ref/" + path] == v2);
  }
}
