#include "app/state/session.h"

#include <doctest/doctest.h>

#include "app/api/client.h"
#include "tests/app/fake_transport.h"

using namespace cdscb;
using namespace cdscb::app;

TEST_CASE("the signed-in user is read from the accounts API's answer") {
  auto user = state::user_from_json(
      R"({"user":{"id":7,"full_name":"Nông Văn Dũng","phone_masked":"091****678","role":"citizen"}})");
  REQUIRE(user);
  CHECK(user->id == "7");
  CHECK(user->full_name == "Nông Văn Dũng");
  CHECK(user->phone_masked == "091****678");
  CHECK_FALSE(user->vneid_verified);
  CHECK_FALSE(state::user_from_json(R"({"error":{}})"));
  CHECK_FALSE(state::user_from_json("not json"));
}

TEST_CASE("server errors become a message and per-field messages") {
  api::Response response{422, R"({"error":{"code":"invalid","message":"Thông tin chưa hợp lệ.",
      "fields":{"phone":"Số điện thoại không hợp lệ."}}})"};
  api::ApiError error = api::error_of(response);
  CHECK(error.code == "invalid");
  CHECK(error.message == "Thông tin chưa hợp lệ.");
  CHECK(error.field("phone") == "Số điện thoại không hợp lệ.");
  CHECK(error.field("password").empty());
}

TEST_CASE("a network failure and an unreadable body still give a message to show") {
  CHECK(api::error_of(api::Response{0, ""}).code == "network");
  CHECK_FALSE(api::error_of(api::Response{0, ""}).message.empty());
  CHECK_FALSE(api::error_of(api::Response{502, "<html>"}).message.empty());
}

TEST_CASE("a call is answered once, by its own reply") {
  fake::sent().clear();
  api::Client client;
  api::Call call;
  call.start(client, "POST", "/api/v1/sessions", R"({"phone":"0912345678"})");
  REQUIRE(fake::sent().size() == 1);
  CHECK(fake::sent()[0].method == "POST");
  CHECK(fake::sent()[0].path == "/api/v1/sessions");
  CHECK(call.waiting());
  CHECK_FALSE(call.poll(client));
  CHECK_FALSE(client.deliver("someone-else", R"({"status":200,"body":"{}"})"));
  CHECK(client.deliver(fake::sent()[0].id, R"({"status":401,"body":"{\"error\":{}}"})"));
  auto answer = call.poll(client);
  REQUIRE(answer);
  CHECK(answer->status == 401);
  CHECK_FALSE(call.waiting());
  CHECK_FALSE(call.poll(client));
}

// The id of the newest request sent to `path`.
static std::string last_to(const std::string& path) {
  for (auto it = fake::sent().rbegin(); it != fake::sent().rend(); ++it)
    if (it->path == path) return it->id;
  return {};
}

TEST_CASE("the session follows /api/v1/me: signed in, then signed out by a 401") {
  fake::sent().clear();
  api::Client client;
  state::Session session;
  session.refresh(client);
  CHECK_FALSE(session.checked());
  client.deliver(
      last_to("/api/v1/me"),
      R"({"status":200,"body":"{\"user\":{\"id\":\"u1\",\"full_name\":\"Hoàng Thị Mai\"}}"})");
  session.update(client);
  REQUIRE(session.user());
  CHECK(session.checked());
  CHECK(session.user()->full_name == "Hoàng Thị Mai");
  session.refresh(client);
  client.deliver(last_to("/api/v1/me"), R"({"status":0,"body":""})");  // offline: keep the user
  session.update(client);
  CHECK(session.user());
  session.refresh(client);
  client.deliver(last_to("/api/v1/me"), R"({"status":401,"body":""})");
  session.update(client);
  CHECK_FALSE(session.user());
}

TEST_CASE("any answer saying the session is gone signs the user out; a wrong password does not") {
  struct Case {
    const char* path;
    const char* reply;
    bool still_signed_in;
  };
  const Case cases[] = {
      {"/api/v1/sessions",
       R"({"status":401,"body":"{\"error\":{\"code\":\"invalid_credentials\"}}"})", true},
      {"/api/v1/me/sessions",
       R"({"status":401,"body":"{\"error\":{\"code\":\"unauthenticated\"}}"})", false},
  };
  fake::sent().clear();
  api::Client client;
  state::Session session;
  session.signed_in({.id = "u1", .full_name = "Hoàng Thị Mai"});
  for (const Case& c : cases) {
    api::Call call;
    call.start(client, "POST", c.path);
    client.deliver(fake::sent().back().id, c.reply);
    session.update(client);
    CHECK_MESSAGE(session.user().has_value() == c.still_signed_in, c.path);
    CHECK(call.poll(client));  // the screen that asked still gets its answer
  }
}

TEST_CASE("the session learns from the server's configuration whether VNeID login is offered") {
  fake::sent().clear();
  api::Client client;
  state::Session session;
  session.refresh(client);
  CHECK_FALSE(session.vneid_available());
  client.deliver(last_to("/api/v1/config"), R"({"status":200,"body":"{\"vneid\":true}"})");
  session.update(client);
  CHECK(session.vneid_available());
}
